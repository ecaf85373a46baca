package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.app.gui.vm.Workers;
import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.workloads.Catalog;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window, driven with TestFX (headless through Monocle in CI): open a recording and see
 * the flame graph and the advice, click to zoom, attach to a real JVM from the list and see samples
 * arrive, the error line for a dead PID, and closing the window while sampling.
 */
@ExtendWith(ApplicationExtension.class)
class WindowTest {
    static final String PROBE = "dev.hoist.workloads.probe.HotAndAlloc";
    private MainViewModel vm;
    private MainWindow window;
    private Workers workers;
    private Stage stage;

    @org.junit.jupiter.api.io.TempDir
    Path sessions;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        workers = Workers.threads(Platform::runLater);
        vm = new MainViewModel(workers, sessions, List.of(),
                AdviceRecordings.workloadClasses().toString());
        window = new MainWindow(vm);
        current = vm;
        stage.setOnCloseRequest(e -> vm.close());
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.close();
            stage.hide();
        }).get(30, TimeUnit.SECONDS);
        workers.close();
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    static void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + " (window error: '" + errors() + "')", e);
        }
    }

    private static MainViewModel current;

    static String errors() {
        try {
            return fx(() -> current.errorProperty().get() + (current.session() == null ? "" : "; session "
                    + current.session().state() + ": " + current.session().errorProperty().get()));
        } catch (Exception e) {
            return "?";
        }
    }

    @Test
    void openingARecordingShowsTheAdviceAndAFlameGraphThatZoomsOnClick(FxRobot robot) throws Exception {
        Path demo = AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7);
        fx(() -> {
            window.open(demo);
            return null;
        });
        waitFor("the advice", 90, () -> vm.session() != null && vm.session().state() == SessionViewModel.State.READY);
        SessionView view = fx(() -> window.sessionView());
        assertThat(fx(() -> view.adviceView().list().getItems().size())).isGreaterThanOrEqualTo(4);
        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText())
                .isEqualTo(fx(() -> vm.session().advice().title(view.adviceView().list().getItems().get(0).finding().rule())));
        assertThat(robot.lookup("#advice-source").tryQuery()).as("the loop's source is shown; the detail says: %s",
                fx(() -> vm.session().advice().detailProperty().get().sourceNote())).isPresent();

        robot.clickOn("Flame graph");
        waitFor("the flame graph tab", 10, () -> view.tabs().getSelectionModel().getSelectedItem() == view.flameTab());
        FlameGraphView flame = view.flameView();
        int parse = fx(() -> {
            var g = vm.session().flame().graph();
            for (int i = 0; i < g.size(); i++) {
                if (g.name(i).equals("dev.hoist.workloads.demo.OrderFeed.parse")) return i;
            }
            return -1;
        });
        assertThat(parse).isPositive();
        waitFor("OrderFeed.parse drawn", 10, () -> fx(() -> flame.canvas().getWidth() > 0 && flame.boundsOf(parse) != null));
        // the view may still be settling (the tab just laid out, the charts joining above it):
        // aim at the frame where it is now, each time round, until the hover says what is under the mouse
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // A move to where the mouse already is sends no event, so each round aims one pixel off the last.
        boolean hovered = false;
        String where = "";
        for (int round = 0; !hovered && System.nanoTime() < until; round++) {
            int nudge = round % 3 - 1;
            var screen = fx(() -> {
                double[] b = flame.boundsOf(parse);
                return flame.canvas().localToScreen(b[0] + b[2] / 2 + nudge, b[1] + FlameGraphView.ROW / 2 + nudge);
            });
            where = fx(() -> java.util.Arrays.toString(flame.boundsOf(parse)) + " in a canvas "
                    + flame.canvas().getWidth() + "x" + flame.canvas().getHeight() + ", hover text '"
                    + vm.session().flame().hoverTextProperty().get() + "'");
            robot.moveTo(screen);
            WaitForAsyncUtils.waitForFxEvents();
            hovered = fx(() -> vm.session().flame().hoverTextProperty().get().contains("OrderFeed.parse"));
        }
        assertThat(hovered).as("the tooltip text names OrderFeed.parse under the mouse; frame at %s", where).isTrue();
        robot.clickOn(MouseButton.PRIMARY);
        waitFor("the zoom", 10, () -> vm.session().flame().zoom() == parse);
        assertThat(robot.lookup("#flame-zoom").queryAs(Label.class).getText()).startsWith("Zoomed to dev.hoist.workloads.demo.OrderFeed.parse");
        assertThat(fx(() -> flame.boundsOf(parse)[2])).as("the zoomed frame spans the canvas")
                .isEqualTo(fx(() -> flame.canvas().getWidth()));
        robot.type(KeyCode.ESCAPE);
        waitFor("the reset", 10, () -> vm.session().flame().zoom() == 0);

        robot.clickOn("#flame-search").write("parseInt");
        waitFor("the matches", 10, () -> robot.lookup("#flame-matches").queryAs(Label.class).getText().contains("match"));
        assertThat(robot.lookup("#flame-matches").queryAs(Label.class).getText()).matches("\\d+ frames? match · .*% of cpu samples");
    }

    @Test
    void attachingFromTheJvmListShowsSamplesArriving(FxRobot robot) throws Exception {
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            waitFor("the probe in the JVM list, attachable", 60, () -> window.jvmList().table().getItems().stream()
                    .anyMatch(j -> j.pid() == probe.pid() && j.attachable()));
            // other JVMs run beside the test (Maven, other forks): filter the list to the probe first, as a user would
            robot.clickOn(robot.lookup(".text-field").match((javafx.scene.control.TextField f) ->
                    "Filter by main class or PID".equals(f.getPromptText())).queryAs(javafx.scene.control.TextField.class))
                    .write(Long.toString(probe.pid()));
            waitFor("the filtered list", 10, () -> !window.jvmList().table().getItems().isEmpty()
                    && window.jvmList().table().getItems().stream().allMatch(
                    j -> Long.toString(j.pid()).contains(Long.toString(probe.pid()))));
            TableRow<?> row = robot.lookup(".table-row-cell").match((TableRow<JvmInfo> r) -> r.getItem() != null
                    && r.getItem().pid() == probe.pid()).query();
            robot.doubleClickOn(row);
            waitFor("sampling", 60, () -> vm.session() != null && vm.session().state() == SessionViewModel.State.SAMPLING);
            waitFor("samples", 60, () -> vm.session().samplesProperty().get() > 0);
            waitFor("the timeline", 30, () -> window.sessionView().timeline().seconds() > 0);
            assertThat(robot.lookup("#sample-count").queryAs(Label.class).getText()).endsWith("events");
            assertThat(robot.lookup("#state-chip").queryAs(Label.class).getText()).contains("SAMPLING");
            assertThat(robot.lookup("#save-button").query().isDisabled()).as("nothing to save while sampling").isTrue();

            robot.clickOn("#stop-button");
            waitFor("stopped", 90, () -> vm.session().state() == SessionViewModel.State.READY);
            waitFor("Save session… enabled after Stop", 10, () -> !robot.lookup("#save-button").query().isDisabled());
            Path recording = fx(() -> vm.session().recordingProperty().get());
            assertThat(ProfileReader.read(recording).info().warnings()).isEmpty();
            assertThat(probe.process().isAlive()).isTrue();
        }
    }

    @Test
    void aDeadPidGivesAClearMessageInTheWindow(FxRobot robot) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        robot.clickOn("#pid-field").write(Long.toString(gone.pid())).type(KeyCode.ENTER);
        waitFor("the error banner", 30, () -> robot.lookup("#error-banner").query().isVisible());
        Label text = robot.lookup("#error-banner .label").match((Label l) -> l.getText().contains("PID")).query();
        assertThat(text.getText()).isEqualTo("no process with PID " + gone.pid()
                + "; the list on the left shows the JVMs you can attach to");
        assertThat(robot.lookup("#welcome").tryQuery()).as("the window carries on").isPresent();
    }

    @Test
    void closingTheWindowWhileSamplingStopsTheSamplerAndKeepsTheRecording(FxRobot robot) throws Exception {
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            fx(() -> {
                vm.attach(Long.toString(probe.pid()));
                return null;
            });
            waitFor("samples", 90, () -> vm.session() != null && vm.session().samplesProperty().get() > 0);
            SessionViewModel s = vm.session();
            Path recording = fx(() -> s.recordingProperty().get());
            fx(() -> {
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                return null;
            });
            assertThat(s.isSampling()).isFalse();
            assertThat(ProfileReader.read(recording).size()).isPositive();
            assertThat(probe.process().isAlive()).as("the target keeps running").isTrue();
            // the sampler is gone from the target: a new session can start in it at once
            assertThat(dev.hoist.core.sampling.Samplers.start(dev.hoist.core.jvm.Targets.resolvePid(probe.pid()),
                    dev.hoist.core.sampling.SamplingRequest.of(recording.resolveSibling("again.jfr"), java.time.Duration.ofSeconds(1),
                            java.util.Set.of(dev.hoist.core.sampling.SamplingEvent.CPU)),
                    dev.hoist.core.sampling.Samplers.Choice.ASYNC_PROFILER).awaitResult().file()).exists();
        }
    }
}
