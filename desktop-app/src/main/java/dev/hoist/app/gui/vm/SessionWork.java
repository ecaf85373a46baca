package dev.hoist.app.gui.vm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one place where a session's background work is guarded. Work runs off the UI thread and
 * its result (or its failure) is applied on the UI thread, unless the session moved on meanwhile:
 * a new load or start, a release, a stop calls {@link #supersede()}, and everything started before
 * is dropped when it finishes. The other rule a session needs (of a stream of results, only the
 * newest is shown) is analyzer-core's {@link dev.hoist.core.session.LatestWork}, whose results are
 * posted through a {@link Ticket}.
 */
final class SessionWork {

    /** Work that runs off the UI thread. */
    @FunctionalInterface
    interface Task<T> {
        T call() throws Exception;
    }

    private final Workers workers;
    private final AtomicLong generation = new AtomicLong();

    SessionWork(Workers workers) {
        this.workers = workers;
    }

    Workers workers() {
        return workers;
    }

    /** Drops the results of all work started so far. */
    void supersede() {
        generation.incrementAndGet();
    }

    /** The current generation, for work that posts several results (a live session's refreshes). */
    Ticket ticket() {
        return new Ticket(generation.get());
    }

    /** Runs {@code task} in the current generation; see {@link Ticket#run}. */
    <T> void run(Task<T> task, Consumer<T> onUi, Consumer<Throwable> failed) {
        ticket().run(task, onUi, failed);
    }

    /** Work of one generation: what it posts to the UI thread is dropped once the generation is superseded. */
    final class Ticket {
        private final long gen;

        private Ticket(long gen) {
            this.gen = gen;
        }

        boolean current() {
            return generation.get() == gen;
        }

        /** Runs {@code action} on the UI thread, unless superseded by then. */
        void ui(Runnable action) {
            workers.ui(() -> {
                if (current()) {
                    action.run();
                }
            });
        }

        /**
         * Runs {@code task} off the UI thread, then {@code onUi} with its result on the UI thread; an
         * exception or a heap that ran out goes to {@code failed} on the UI thread instead. Neither
         * runs when the generation was superseded meanwhile. {@code failed} may be null only for
         * work that cannot fail.
         */
        <T> void run(Task<T> task, Consumer<T> onUi, Consumer<Throwable> failed) {
            workers.background(() -> {
                T result;
                try {
                    result = task.call();
                } catch (Exception | OutOfMemoryError e) {
                    ui(() -> failed.accept(e));
                    return;
                }
                ui(() -> onUi.accept(result));
            });
        }
    }
}
