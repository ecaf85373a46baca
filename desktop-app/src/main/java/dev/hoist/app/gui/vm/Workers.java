package dev.hoist.app.gui.vm;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where view-model work runs: long work (attach, sampling, reading, analysis) on background
 * threads, results applied on the UI thread, and periodic refreshes on a ticker. The window
 * passes JavaFX's {@code Platform::runLater}; unit tests pass direct executors and tick by hand,
 * so view models are tested without starting the toolkit.
 */
public final class Workers implements AutoCloseable {

    /** Runs a task every period until the returned handle is closed. */
    @FunctionalInterface
    public interface Ticker {
        Ticking every(Duration period, Runnable task);
    }

    /** A task running every period; closing it stops it, and cannot fail. */
    @FunctionalInterface
    public interface Ticking extends AutoCloseable {
        @Override
        void close();
    }

    private final Executor background;
    private final Executor ui;
    private final Ticker ticker;
    private final AutoCloseable owned;

    public Workers(Executor background, Executor ui, Ticker ticker) {
        this(background, ui, ticker, null);
    }

    private Workers(Executor background, Executor ui, Ticker ticker, AutoCloseable owned) {
        this.background = background;
        this.ui = ui;
        this.ticker = ticker;
        this.owned = owned;
    }

    /** Daemon background threads and a daemon ticker thread, with {@code ui} as the UI thread. */
    public static Workers threads(Executor ui) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> daemon(r, "hoist-work-" + n.incrementAndGet()));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hoist-tick"));
        Ticker ticker = (period, task) -> {
            ScheduledFuture<?> f = clock.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a failed refresh must not cancel the schedule; the task reports its own errors
                }
            }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
        return new Workers(pool, ui, ticker, () -> {
            clock.shutdownNow();
            pool.shutdownNow();
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void background(Runnable task) {
        background.execute(task);
    }

    public void ui(Runnable task) {
        ui.execute(task);
    }

    public Ticking every(Duration period, Runnable task) {
        return ticker.every(period, task);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // shutting down
            }
        }
    }
}
