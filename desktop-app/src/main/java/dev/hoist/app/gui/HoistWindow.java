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

    /**
     * Classes the first session needs (charts, tables, the readers, the advisor), loaded on a
     * background thread while the user looks at the start page: loading them on the UI thread when
     * the first session opens would freeze the window for a few hundred milliseconds.
     */
    static final List<String> PRELOAD = List.of(
            "dev.hoist.app.gui.view.SessionView", "dev.hoist.app.gui.view.TimelineView",
            "dev.hoist.app.gui.view.AdviceView", "dev.hoist.app.gui.view.HotMethodsView",
            "dev.hoist.app.gui.view.FlameGraphView", "org.jfree.chart.ChartFactory", "org.jfree.chart.JFreeChart",
            "org.jfree.chart.fx.ChartViewer", "org.jfree.chart.fx.ChartCanvas", "org.jfree.chart.plot.XYPlot",
            "org.jfree.chart.axis.NumberAxis", "org.jfree.chart.renderer.xy.XYAreaRenderer",
            "org.jfree.chart.renderer.xy.XYLineAndShapeRenderer", "org.jfree.chart.title.LegendTitle",
            "org.jfree.data.xy.XYSeriesCollection", "org.jfree.fx.FXGraphics2D", "org.jfree.chart.text.TextUtils",
            "javafx.scene.control.skin.TableViewSkin", "javafx.scene.control.skin.TableCellSkin",
            "javafx.scene.control.skin.TableRowSkin", "javafx.scene.control.skin.VirtualFlow",
            "javafx.scene.control.skin.ListViewSkin", "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.TabPaneSkin", "javafx.scene.control.skin.SplitPaneSkin",
            "javafx.scene.control.skin.ScrollPaneSkin", "javafx.scene.control.skin.ComboBoxListViewSkin",
            "javafx.scene.control.skin.SpinnerSkin",
            "javafx.scene.text.TextFlow", "dev.hoist.core.profile.ProfileReader", "dev.hoist.core.advice.Advisor",
            "dev.hoist.core.rule.Analysis", "dev.hoist.core.facts.MethodFacts", "one.jfr.JfrReader");

    static void preload() {
        ClassLoader loader = HoistWindow.class.getClassLoader();
        for (String name : PRELOAD) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: a class that is not there is loaded (or missed) later anyway
            }
        }
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
            // killed rather than closed (SIGTERM, Ctrl-C in the terminal): still stop the sampler in the
            // target and the demo workload, which would otherwise outlive the window
            Thread onKill = new Thread(vm::close, "hoist-window-exit");
            Runtime.getRuntime().addShutdownHook(onKill);
            stage.setOnCloseRequest(e -> {
                vm.close();
                workers.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(onKill);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway and finds everything closed
                }
            });
            stage.setOnHidden(e -> closed.countDown());
            window.show(stage);
            window.warmUpAfterFirstFrames(() -> workers.background(HoistWindow::preload));
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
