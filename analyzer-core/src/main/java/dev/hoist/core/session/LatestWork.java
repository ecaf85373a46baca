package dev.hoist.core.session;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Work repeated as new input arrives (the advice re-ranked on each new profile, a view for another
 * event kind), the one way the window and {@code hoist attach} guard it: each run goes to the
 * executor; {@link #runIfIdle} skips a run while an earlier one is still busy (a live refresh, so
 * at most one ranking at a time); a result that finishes after a newer run's result was handed on
 * is dropped (latest wins); a failure, heap exhaustion included, is handed to the caller's failure
 * consumer, never swallowed. Results and failures are handed on in the order they were checked, on
 * the thread that ran the work; the caller moves them to its own thread (the UI's) if it has one.
 */
public final class LatestWork {

    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private long started; // guarded by this
    private long delivered = -1; // guarded by this

    public LatestWork(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code task}; its result goes to {@code onResult} unless a later run's result went first. */
    public <T> void run(Callable<T> task, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        submit(next(), task, onResult, onFailure, false);
    }

    /** As {@link #run}, but skipped (returns false) while an earlier {@code runIfIdle} is still busy. */
    public <T> boolean runIfIdle(Callable<T> task, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            submit(next(), task, onResult, onFailure, true);
        } catch (RuntimeException e) {
            running.set(false); // the executor refused it: the next refresh may try again
            throw e;
        }
        return true;
    }

    /** Whether a {@link #runIfIdle} run is busy. */
    public boolean busy() {
        return running.get();
    }

    private synchronized long next() {
        return ++started;
    }

    private <T> void submit(long seq, Callable<T> task, Consumer<? super T> onResult, Consumer<Throwable> onFailure,
                            boolean idleGuard) {
        executor.execute(() -> {
            T result;
            try {
                result = task.call();
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                if (idleGuard) {
                    running.set(false);
                }
                onFailure.accept(e);
                return;
            }
            if (idleGuard) {
                running.set(false);
            }
            synchronized (this) {
                if (seq <= delivered) {
                    return; // a newer result was handed on first
                }
                delivered = seq;
                onResult.accept(result);
            }
        });
    }
}
