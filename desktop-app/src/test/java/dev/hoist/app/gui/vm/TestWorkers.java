package dev.hoist.app.gui.vm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Workers for view-model tests without the JavaFX toolkit: real background threads, one thread
 * standing in for the UI thread (so properties are touched by one thread, as in the window), and a
 * ticker that ticks only when the test says so.
 */
final class TestWorkers implements AutoCloseable {
    final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-work");
        t.setDaemon(true);
        return t;
    });
    final List<Runnable> ticks = new CopyOnWriteArrayList<>();
    final Workers workers = new Workers(background, ui, (period, task) -> {
        ticks.add(task);
        return () -> ticks.remove(task);
    });

    /** Runs every scheduled tick once, on the calling thread (the ticker thread of the window). */
    void tick() {
        for (Runnable r : ticks) {
            r.run();
        }
    }

    /** Reads something on the UI thread. */
    <T> T onUi(Callable<T> read) {
        try {
            return ui.submit(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void onUi(Runnable action) {
        onUi(() -> {
            action.run();
            return null;
        });
    }

    /** Waits (checking on the UI thread) until the condition holds, or fails after the timeout. */
    void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> { }, 50);
    }

    /** As {@link #await}, running the scheduled ticks between checks, as the window's ticker would. */
    void awaitTicking(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, this::tick, 200);
    }

    private void await(String what, Duration timeout, BooleanSupplier condition, Runnable between, long pauseMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (onUi(condition::getAsBoolean)) {
                return;
            }
            between.run();
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
    }

    @Override
    public void close() {
        ui.shutdownNow();
        background.shutdownNow();
    }
}
