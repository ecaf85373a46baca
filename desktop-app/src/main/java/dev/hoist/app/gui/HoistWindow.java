package dev.hoist.app.gui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Starts the JavaFX toolkit and shows the main window; returns when the window is closed. */
public final class HoistWindow {
    private HoistWindow() {
    }

    /** What the command line asked the window to do at start. */
    public record StartOptions(Path file, boolean demo, String attach, String classPath, List<Path> sources) {
    }

    static int launch(StartOptions options) {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Hoist");
            stage.setScene(new Scene(new Label("Hoist"), 1280, 800));
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return 0;
    }
}
