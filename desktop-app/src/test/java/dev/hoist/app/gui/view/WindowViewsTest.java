package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.ProfileSnapshot;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.app.gui.vm.Workers;
import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.core.profile.CallTree;
import dev.hoist.core.profile.EventKind;
import dev.hoist.workloads.Catalog;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.hoist.app.gui.view.WindowTest.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiler's views of issue 20 in the real window: one time axis and a range dragged on it that
 * every view then shows, the thread lanes and the thread filter (idle threads hidden in wall-clock
 * mode), the call tree with the callers of a method, and Open in IDE from the advice and the tree.
 */
@ExtendWith(ApplicationExtension.class)
class WindowViewsTest {
    private MainViewModel vm;
    private MainWindow window;
    private Workers workers;
    private Stage stage;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        workers = Workers.threads(Platform::runLater);
        vm = new MainViewModel(workers, dir, List.of(), AdviceRecordings.workloadClasses().toString());
        window = new MainWindow(vm);
        stage.setOnCloseRequest(e -> vm.close());
        window.show(stage);
        stage.setWidth(1400);
        stage.setHeight(900);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.close();
            stage.hide();
        }).get(30, TimeUnit.SECONDS);
        workers.close();
    }

    private void waitFor(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + " (session: " + fx(() -> vm.session() == null ? "none"
                    : vm.session().state() + " " + vm.session().errorProperty().get() + "; notes: " + vm.session().notesProperty().get()
                    + "; filter " + vm.session().filterProperty().get() + "; flame " + flameTotal(vm.session())) + ")", e);
        }
    }

    private SessionViewModel openAndWait(Path file) throws Exception {
        fx(() -> {
            window.open(file);
            return null;
        });
        waitFor("the recording read and advised", 120, () -> vm.session() != null
                && vm.session().state() == SessionViewModel.State.READY && vm.session().busyProperty().get().isEmpty());
        return vm.session();
    }

    private static long flameTotal(SessionViewModel s) throws Exception {
        return fx(() -> s.flame().graph() == null ? -1 : s.flame().graph().rootTotal());
    }

    @Test
    void aRangeDraggedOnTheSharedTimeAxisFiltersEveryView(FxRobot robot) throws Exception {
        SessionViewModel s = openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        TimelineView timeline = fx(() -> window.sessionView().timeline());
        waitFor("the timeline drawn", 30, () -> timeline.seconds() > 3 && timeline.dataArea() != null
                && timeline.dataArea().getWidth() > 100);
        // the samples, the allocation rate and the top methods are drawn on one time axis
        List<org.jfree.chart.axis.ValueAxis> axes = fx(timeline::timeAxes);
        assertThat(axes).hasSize(3);
        assertThat(axes).allSatisfy(a -> assertThat(a).isSameAs(axes.get(0)));
        Label range = robot.lookup("#timeline-range").queryAs(Label.class);
        assertThat(fx(range::getText)).matches("All \\d+ s · drag across the timeline to look at a part");

        long flame0 = flameTotal(s);
        ProfileSnapshot v0 = fx(() -> s.viewProperty().get());
        long alloc0 = v0.allocations().totalBytes();
        long top0 = fx(() -> s.methods().rows().get(0).total());
        var report0 = fx(() -> s.reportProperty().get());
        assertThat(flame0).isPositive();
        assertThat(alloc0).isPositive();

        // drag across the middle third of the timeline, as a user selects a range
        Point2D[] ends = fx(() -> {
            var area = timeline.dataArea();
            var canvas = timeline.chartViewer().getCanvas();
            double y = area.getCenterY();
            return new Point2D[] {canvas.localToScreen(area.getMinX() + area.getWidth() * 0.3, y),
                    canvas.localToScreen(area.getMinX() + area.getWidth() * 0.6, y)};
        });
        robot.moveTo(ends[0]).press(MouseButton.PRIMARY).moveTo(ends[0].add(20, 0)).moveTo(ends[1]).release(MouseButton.PRIMARY);
        waitFor("the range shown", 30, () -> range.getText().matches("Showing \\d+\\.\\d–\\d+\\.\\d s of \\d+\\.\\d s"));
        assertThat(robot.lookup("#timeline-reset").queryAs(Button.class).isVisible()).isTrue();
        // and it stays readable at the window's smallest size
        fx(() -> {
            stage.setWidth(980);
            stage.setHeight(620);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> WindowDefectsTest.elided(robot.lookup(".timeline-bar").query()))).as("the range's bar").isEmpty();
        assertThat(fx(() -> WindowDefectsTest.elided(robot.lookup("#session-tabs .tab-header-area").query())))
                .as("the six tabs' names").isEmpty();
        waitFor("the flame graph of the range", 30, () -> flameTotal(s) > 0 && flameTotal(s) < flame0 * 0.6);
        ProfileSnapshot v1 = fx(() -> s.viewProperty().get());
        assertThat(v1.allocations().totalBytes()).as("the allocations of the range").isPositive().isLessThan(alloc0);
        assertThat(fx(() -> s.methods().rows().get(0).total())).as("the hot methods of the range").isLessThan(top0);
        // the timeline itself still shows the whole recording, with the range on it
        assertThat(v1.timeline().seconds()).isEqualTo(v0.timeline().seconds());
        // the advice is ranked again on the range's samples
        waitFor("the advice re-ranked", 120, () -> s.reportProperty().get() != report0 && s.busyProperty().get().isEmpty());
        assertThat(fx(() -> s.advice().items())).isNotEmpty();

        robot.clickOn("#timeline-reset");
        waitFor("the whole recording again", 30, () -> range.getText().startsWith("All ") && flameTotal(s) == flame0);
    }

    @Test
    void wallClockLeavesOutIdleThreadsAndTheThreadFilterAppliesToEveryView(FxRobot robot) throws Exception {
        SessionViewModel s = openAndWait(AdviceRecordings.wall(Catalog.DEMO_MAIN, 5));
        assertThat(fx(() -> s.viewKindProperty().get())).isEqualTo(EventKind.WALL);
        long wall = fx(() -> s.viewProperty().get().counts().get(EventKind.WALL));
        // the JVM's parked threads are most wall-clock samples: the flame graph starts without them
        long flame0 = flameTotal(s);
        assertThat(flame0).isPositive().isLessThan(wall / 2);

        robot.clickOn("Threads");
        waitFor("the lanes", 30, () -> robot.lookup("#threads-view").tryQuery().isPresent()
                && !((ThreadsView) robot.lookup("#threads-view").query()).laneNames().isEmpty());
        ThreadsView threads = robot.lookup("#threads-view").queryAs(ThreadsView.class);
        String busiest = fx(() -> threads.laneNames().get(0));
        assertThat(fx(() -> threads.isShown(busiest))).isTrue();
        assertThat(fx(() -> threads.isShown("Reference Handler"))).as("an idle JVM thread, left out").isFalse();
        assertThat(fx(() -> threads.laneNames())).contains("Reference Handler", "Finalizer");
        assertThat(robot.lookup("#threads-summary").queryAs(Label.class).getText()).contains("hardly ran");

        // leave out the busiest thread: what is left in every view is the others' samples
        CheckBox box = robot.lookup((CheckBox c) -> busiest.equals(c.getText())).queryAs(CheckBox.class);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> box.lookup(".box"))); // the box itself, as a user ticks it
        var lane = fx(() -> s.viewProperty().get().lanes().lanes().get(0));
        assertThat(lane.name()).isEqualTo(busiest);
        long itsSamples = lane.running() + lane.waiting();
        waitFor("the flame graph without it", 30, () -> flameTotal(s) == flame0 - itsSamples);
        assertThat(fx(() -> threads.isShown(busiest))).isFalse();
        assertThat(fx(() -> s.filterProperty().get().hiddenThreads())).containsExactly(busiest);

        robot.clickOn("#threads-show-all");
        waitFor("every thread", 30, () -> flameTotal(s) == wall);
        assertThat(fx(() -> threads.isShown("Reference Handler"))).isTrue();
    }

    @Test
    void callTreeShowsTheCallersOfAMethodAndOpensSourcesInTheIde(FxRobot robot) throws Exception {
        // the IDE is a script that writes down what it was asked to open
        Path asked = dir.resolve("asked.txt");
        Path ide = dir.resolve("ide.sh");
        Files.writeString(ide, "#!/bin/sh\necho \"$1 $2\" > " + asked + "\n");
        ide.toFile().setExecutable(true);
        fx(() -> {
            vm.ide().commandProperty().set(ide + " {file} {line}");
            return null;
        });
        SessionViewModel s = openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));

        // from the advice: the flagged line of the file the detail shows
        waitFor("an advice with its source", 30, () -> robot.lookup("#detail-open-ide").tryQuery().isPresent());
        var detail = fx(() -> s.advice().detailProperty().get());
        robot.clickOn("#detail-open-ide");
        waitFor("the IDE asked", 20, () -> Files.exists(asked) && !Files.readString(asked).isBlank());
        assertThat(Files.readString(asked).trim()).isEqualTo(detail.sourceFile() + " " + detail.advice().finding().line());
        assertThat(detail.sourceFile().toString()).endsWith(detail.advice().finding().file());
        Files.delete(asked);

        robot.clickOn("Call tree");
        waitFor("the call tree", 60, () -> window.sessionView().callTreeView() != null
                && window.sessionView().callTreeView().tree().getRoot() != null);
        CallTreeView view = fx(() -> window.sessionView().callTreeView());
        assertThat(fx(() -> view.tree().getRoot().getValue().total())).as("the tree counts what the flame graph does")
                .isEqualTo(flameTotal(s));
        // a user opens the tree down to OrderFeed.parse and selects it
        TreeItem<CallTree.Node> parse = fx(() -> find(view.tree().getRoot(), "dev.hoist.workloads.demo.OrderFeed.parse", 12));
        assertThat(parse).as("OrderFeed.parse in the call tree").isNotNull();
        fx(() -> {
            for (TreeItem<CallTree.Node> p = parse.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            view.tree().getSelectionModel().select(parse);
            view.tree().scrollTo(view.tree().getRow(parse));
            return null;
        });
        waitFor("its callers", 30, () -> view.callers().getRoot() != null
                && robot.lookup("#callers-title").queryAs(Label.class).getText()
                .equals("Callers of dev.hoist.workloads.demo.OrderFeed.parse (back-traces)"));
        List<String> callers = fx(() -> view.callers().getRoot().getChildren().stream()
                .map(i -> i.getValue().method().displayName()).toList());
        assertThat(callers).first().isEqualTo("dev.hoist.workloads.demo.DemoMain.processBatch");
        assertThat(fx(() -> view.callers().getRoot().getValue().total())).isPositive()
                .isLessThanOrEqualTo(fx(() -> view.tree().getRoot().getValue().total()));

        // and from the tree's menu, the method's source in the IDE, at its declaration
        WindowDefectsTest.rightClick(robot, robot.lookup(".tree-table-row-cell").match(
                (javafx.scene.control.TreeTableRow<CallTree.Node> r) -> r.getTreeItem() == parse)
                .queryAs(javafx.scene.control.TreeTableRow.class));
        waitFor("the tree's menu", 10, () -> view.tree().getContextMenu().isShowing());
        robot.clickOn("Open in IDE");
        waitFor("the IDE asked", 20, () -> Files.exists(asked) && !Files.readString(asked).isBlank());
        String[] said = Files.readString(asked).trim().split(" ", -1);
        assertThat(said[0]).endsWith("dev/hoist/workloads/demo/OrderFeed.java");
        assertThat(Files.readAllLines(Path.of(said[0])).get(Integer.parseInt(said[1]) - 1)).contains("parse(");
    }

    @Test
    void startAfterStopKeepsTheLastViewUntilNewSamplesArrive(FxRobot robot) throws Exception {
        try (dev.hoist.testkit.ChildJvm probe = dev.hoist.testkit.ChildJvm.java().testClasspath().mainClass(WindowTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            fx(() -> {
                vm.attach(Long.toString(probe.pid()));
                return null;
            });
            waitFor("samples", 90, () -> vm.session() != null && vm.session().samplesProperty().get() > 0
                    && flameTotal(vm.session()) > 0);
            SessionViewModel s = vm.session();
            robot.clickOn("#stop-button");
            waitFor("stopped and advised", 120, () -> s.state() == SessionViewModel.State.READY && s.busyProperty().get().isEmpty());
            long shown = flameTotal(s);
            Path first = fx(() -> s.recordingProperty().get());
            assertThat(shown).isPositive();

            robot.clickOn("#start-button");
            // from the click until the new run's first samples are drawn, the last run's flame graph stays
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean replaced = false;
            while (!replaced && System.nanoTime() < deadline) {
                long[] now = fx(() -> new long[] {flameTotal(s), s.recordingProperty().get().equals(first) ? 0 : 1,
                        s.state() == SessionViewModel.State.SAMPLING ? 1 : 0});
                assertThat(now[0]).as("a flame graph is shown while the new run starts").isPositive();
                replaced = now[1] == 1 && now[2] == 1 && now[0] != shown;
                Thread.sleep(20);
            }
            assertThat(replaced).as("the new run's samples replaced the view").isTrue();
            assertThat(first).as("the last run's recording is kept").exists();
            robot.clickOn("#stop-button");
            waitFor("stopped", 120, () -> s.state() == SessionViewModel.State.READY);
        }
    }

    /** The first item for {@code method} within {@code depth} levels, expanding as it looks. */
    private static TreeItem<CallTree.Node> find(TreeItem<CallTree.Node> item, String method, int depth) {
        var m = item.getValue().method();
        if (m != null && m.displayName().equals(method)) {
            return item;
        }
        if (depth == 0) {
            return null;
        }
        for (TreeItem<CallTree.Node> c : item.getChildren()) {
            TreeItem<CallTree.Node> f = find(c, method, depth - 1);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
