package dev.hoist.app.gui;

import dev.hoist.app.gui.view.MainWindow;
import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.Workers;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the JavaFX toolkit and shows the main window; returns when the window is closed, after the
 * sampler in the target was stopped (its recording stays on disk) and a demo workload we started
 * was stopped.
 */
public final class HoistWindow {
    /** Held so the level set on it is not lost to garbage collection. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private HoistWindow() {
    }

    /** What the command line asked the window to do at start. */
    public record StartOptions(Path file, boolean demo, String attach, String classPath, List<Path> sources) {
    }

    static int launch(StartOptions options) {
        // JavaFX warns that it was loaded from the class path rather than as modules; that is how
        // the application jar runs it, and the warning would only puzzle users.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println("hoist: unexpected error on "
                + t.getName() + ": " + e + " (please report it)"));
        Platform.startup(() -> {
            Workers workers = Workers.threads(Platform::runLater);
            MainViewModel vm = new MainViewModel(workers, MainViewModel.defaultRecordingsDir(), options.sources(),
                    options.classPath());
            MainWindow window = new MainWindow(vm);
            Stage stage = new Stage();
            stage.setOnCloseRequest(e -> {
                vm.close();
                workers.close();
            });
            stage.setOnHidden(e -> closed.countDown());
            window.show(stage);
            if (options.file() != null) {
                vm.open(options.file());
            } else if (options.demo()) {
                vm.startDemo();
            } else if (options.attach() != null) {
                vm.attach(options.attach());
            }
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
