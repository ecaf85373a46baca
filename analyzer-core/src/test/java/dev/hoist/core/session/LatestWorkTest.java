package dev.hoist.core.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/** The one guard of re-ranking that the window and hoist attach share, with the worker thread queued by hand. */
class LatestWorkTest {
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final LatestWork work = new LatestWork(background::add);
    private final List<String> shown = new ArrayList<>();

    private static void drain(Queue<Runnable> q) {
        for (Runnable r; (r = q.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void aRankingThatFinishesAfterANewerOneIsDropped() {
        work.run(() -> "first", shown::add, e -> shown.add("failed"));
        Runnable first = background.poll();
        work.run(() -> "second", shown::add, e -> shown.add("failed"));
        drain(background); // the second finishes before the first
        first.run();
        assertThat(shown).containsExactly("second");
    }

    @Test
    void aLiveRefreshSkipsWhileOneRankingIsBusy() {
        assertThat(work.runIfIdle(() -> "a", shown::add, e -> { })).isTrue();
        assertThat(work.busy()).isTrue();
        assertThat(work.runIfIdle(() -> "b", shown::add, e -> { })).as("one is still running").isFalse();
        drain(background);
        assertThat(work.runIfIdle(() -> "c", shown::add, e -> { })).isTrue();
        drain(background);
        assertThat(shown).containsExactly("a", "c");
    }

    @Test
    void failuresAreReportedHeapIncludedAndDoNotBlockTheNextRanking() {
        assertThat(work.<String>runIfIdle(() -> {
            throw new IllegalStateException("broken");
        }, shown::add, e -> shown.add(e.getMessage()))).isTrue();
        drain(background);
        assertThat(work.<String>runIfIdle(() -> {
            throw new OutOfMemoryError("heap");
        }, shown::add, e -> shown.add(e.getClass().getSimpleName()))).as("the failed one is not busy any more").isTrue();
        drain(background);
        assertThat(shown).containsExactly("broken", "OutOfMemoryError");
    }
}
