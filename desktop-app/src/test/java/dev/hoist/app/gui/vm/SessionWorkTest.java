package dev.hoist.app.gui.vm;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/** The one guard of a session's background work, with both threads queued by hand. */
class SessionWorkTest {
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> ui = new ArrayDeque<>();
    private final SessionWork work = new SessionWork(new Workers(background::add, ui::add, (p, t) -> () -> { }));
    private final List<String> shown = new ArrayList<>();

    private static void drain(Queue<Runnable> q) {
        for (Runnable r; (r = q.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void aResultOfASupersededGenerationIsDropped() {
        work.run(() -> "old", shown::add, e -> shown.add("failed"));
        drain(background);
        work.supersede();
        work.run(() -> "new", shown::add, e -> shown.add("failed"));
        drain(background);
        drain(ui);
        assertThat(shown).containsExactly("new");
    }

    @Test
    void aFailureReachesTheUiThreadHeapIncluded() {
        work.<String>run(() -> {
            throw new IllegalStateException("broken");
        }, shown::add, e -> shown.add(e.getMessage()));
        work.<String>run(() -> {
            throw new OutOfMemoryError("heap");
        }, shown::add, e -> shown.add(e.getClass().getSimpleName()));
        drain(background);
        assertThat(shown).as("nothing on the background thread").isEmpty();
        drain(ui);
        assertThat(shown).containsExactly("broken", "OutOfMemoryError");
    }
}
