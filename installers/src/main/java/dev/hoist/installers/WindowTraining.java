package dev.hoist.installers;

import dev.hoist.app.Hoist;
import javafx.application.Platform;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Build-time only, started by {@link CdsTraining} on the app-image's runtime: runs {@code hoist gui}
 * as a person would, waits until the window is showing and has rendered for a moment, then closes
 * it as a person would, so the class list of this run holds what the window loads. Exits 0 when
 * the window showed and closed, 3 when no window showed within a minute.
 */
public final class WindowTraining {
    private static final long SHOW_DEADLINE_MS = 60_000;
    /** CSS, layout and the first frames load classes of their own after the window is shown. */
    private static final long RENDER_MS = 1_500;

    private WindowTraining() {
    }

    public static void main(String[] args) {
        Thread closer = new Thread(WindowTraining::closeWhenShown, "close-when-shown");
        closer.setDaemon(true);
        closer.start();
        int code = Hoist.run(new String[] {"gui"}, new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()));
        System.exit(code);
    }

    private static void closeWhenShown() {
        long deadline = System.currentTimeMillis() + SHOW_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            sleep(100);
            if (windowShowing()) {
                sleep(RENDER_MS);
                Platform.runLater(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
                return;
            }
        }
        System.err.println("WindowTraining: no window showed within " + SHOW_DEADLINE_MS / 1000 + " s");
        System.exit(3);
    }

    private static boolean windowShowing() {
        CompletableFuture<Boolean> showing = new CompletableFuture<>();
        try {
            Platform.runLater(() -> showing.complete(Window.getWindows().stream().anyMatch(Window::isShowing)));
            return showing.get(5, TimeUnit.SECONDS);
        } catch (IllegalStateException toolkitNotStartedYet) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
