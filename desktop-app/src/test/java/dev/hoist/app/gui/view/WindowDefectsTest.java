package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.app.gui.vm.Workers;
import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.Catalog;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The window's defects of issue 20, each pinned by what the user sees in the real window: the
 * Save button and its message, the layout at the minimum size, the sidebar that collapses, and
 * the smaller ones.
 */
@ExtendWith(ApplicationExtension.class)
class WindowDefectsTest {
    /** An amount of bytes as the window writes it: "1.2 GB" (or "1.2 GiB", as powers of 1024 may be named). */
    static final String BYTES = "\\d+(\\.\\d)? (B|Ki?B|Mi?B|Gi?B|Ti?B)";
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
        vm = new MainViewModel(workers, sessions, List.of(), AdviceRecordings.workloadClasses().toString());
        window = new MainWindow(vm);
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

    private void waitFor(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + " (window error: '" + fx(() -> vm.errorProperty().get()
                    + (vm.session() == null ? "" : "; session " + vm.session().state() + ": "
                    + vm.session().errorProperty().get())) + "')", e);
        }
    }

    private void openAndWait(Path file) throws Exception {
        fx(() -> {
            window.open(file);
            return null;
        });
        waitFor("the recording read and advised", 90, () -> vm.session() != null
                && vm.session().state() == SessionViewModel.State.READY);
    }

    @Test
    void saveSessionEnablesOnAReadyRecordingAndSaysWhereItSaved(FxRobot robot) throws Exception {
        Button save = robot.lookup("#save-button").queryAs(Button.class);
        assertThat(save.isDisabled()).as("nothing to save on the start page").isTrue();
        openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        waitFor("Save session… enabled", 10, () -> !save.isDisabled());

        Path target = sessions.resolve("kept.hoist");
        fx(() -> {
            window.save(target);
            return null;
        });
        waitFor("the saved file", 60, () -> Files.exists(target) && !robot.lookup("#status").queryAs(Label.class)
                .getText().isEmpty() && robot.lookup("#status").queryAs(Label.class).getText().startsWith("Saved"));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .as("the message is not hidden by the session's own line").isEqualTo("Saved the session to " + target);
        assertThat(save.isDisabled()).isFalse();
    }

    @Test
    void atTheMinimumSizeTheHeaderTheAdviceAndTheHotMethodsShowTheirWholeTextAndTheSidebarCollapses(FxRobot robot)
            throws Exception {
        // opened in a larger window, then made as small as it goes, as a user would
        openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        SessionView view = fx(() -> window.sessionView());
        waitFor("the advice listed", 30, () -> !view.adviceView().list().getItems().isEmpty());
        resize(980, 620);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> elided(robot.lookup("#advice-detail").query()).stream().filter(e -> e.contains("confidence")
                || e.contains("severity")).toList())).as("the detail's chips").isEmpty();
        assertThat(fx(() -> robot.lookup("#advice-detail").queryAs(javafx.scene.layout.Region.class).getWidth()
                / view.adviceView().getWidth())).as("the detail keeps its share of the room").isGreaterThan(0.45);
        assertThat(fx(() -> elided(robot.lookup(".app-bar").query()))).as("the application bar").isEmpty();
        assertThat(fx(() -> elided(robot.lookup("#session-header").query()))).as("the session's header").isEmpty();
        assertThat(fx(() -> elided(view.adviceView().list()))).as("the advice list's rank, share and confidence").isEmpty();
        assertThat(fx(() -> view.adviceView().list().lookupAll(".advice-share").stream()
                .anyMatch(n -> ((Label) n).getText().contains("%")))).as("a share is shown").isTrue();

        robot.clickOn("Hot methods");
        waitFor("the hot methods", 30, () -> robot.lookup("#methods-table").tryQuery().isPresent()
                && !robot.lookup("#methods-table").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#methods-table").queryAs(javafx.scene.control.TableView.class);
        assertThat(fx(() -> elided(table, "Method", "Hot lines"))).as("the hot methods' headers and numbers").isEmpty();
        // the share bars the README promises: drawn, in proportion, in the top row
        waitFor("a share bar drawn", 10, () -> table.lookupAll(".share-bar").stream()
                .anyMatch(b -> b.isVisible() && b.getParent() != null && b.getParent().isVisible()
                        && ((javafx.scene.layout.Region) b).getWidth() > 5));

        // the sidebar folds away and comes back
        assertThat(robot.lookup("#jvm-table").tryQuery()).isPresent();
        double before = fx(() -> view.getWidth());
        robot.clickOn("#sidebar-toggle");
        waitFor("the sidebar hidden", 10, () -> robot.lookup("#jvm-table").tryQuery().isEmpty());
        waitFor("the session wider", 10, () -> view.getWidth() > before + 200);
        robot.clickOn("#sidebar-toggle");
        waitFor("the sidebar back", 10, () -> robot.lookup("#jvm-table").tryQuery().isPresent());
    }

    @Test
    void allocationsReadInHumanUnits(FxRobot robot) throws Exception {
        openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        robot.clickOn("Hot methods");
        fx(() -> {
            // as a user picks "Allocated bytes" in the Show box
            robot.lookup("#kind-chooser").queryAs(javafx.scene.control.ComboBox.class)
                    .setValue(dev.hoist.core.profile.EventKind.ALLOC);
            return null;
        });
        javafx.scene.control.TableView<?> table = robot.lookup("#methods-table").queryAs(javafx.scene.control.TableView.class);
        waitFor("the allocating methods", 30, () -> robot.lookup("#methods-summary").queryAs(Label.class).getText()
                .endsWith("bytes allocated")
                && !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> amounts = fx(() -> table.lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == table.getColumns().get(2) && c.getText() != null && !c.getText().isEmpty())
                .map(javafx.scene.control.TableCell::getText).toList());
        assertThat(amounts).isNotEmpty().allMatch(t -> t.matches(BYTES), "in B, KB, MB or GB");

        // what was allocated, not only who allocated: types and sites, in units, with the rate
        robot.clickOn("Allocations");
        javafx.scene.control.TableView<?> types = robot.lookup("#alloc-types").queryAs(javafx.scene.control.TableView.class);
        waitFor("the allocated types", 30, () -> !types.getItems().isEmpty()
                && !robot.lookup("#alloc-sites").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alloc-summary").queryAs(Label.class).getText())
                .matches(BYTES + " allocated in \\d+:\\d\\d, " + BYTES + "/s · .*");
        List<String> typeBytes = fx(() -> types.lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == types.getColumns().get(1) && c.getText() != null && !c.getText().isEmpty())
                .map(javafx.scene.control.TableCell::getText).toList());
        assertThat(typeBytes).isNotEmpty().allMatch(t -> t.matches(BYTES), "in B, KB, MB or GB");
        assertThat(fx(() -> ((dev.hoist.app.gui.vm.AllocationsViewModel.TypeRow) types.getItems().get(0)).type()))
                .as("the type allocating most bytes is named").isNotBlank();
    }

    @Test
    void aLiveSessionAtTheMinimumSizeKeepsItsControlsWholeItsAgeTickingAndTheHoverAcrossRefreshes(FxRobot robot)
            throws Exception {
        resize(980, 620);
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(WindowTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            fx(() -> {
                vm.attach(Long.toString(probe.pid()));
                return null;
            });
            waitFor("samples", 90, () -> vm.session() != null && vm.session().samplesProperty().get() > 0);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> elided(robot.lookup("#session-header").query())))
                    .as("Start, Stop, the event boxes, the state and the counts").isEmpty();
            for (String id : List.of("#start-button", "#stop-button", "#event-cpu", "#event-repair", "#state-chip")) {
                assertThat(robot.lookup(id).queryAs(javafx.scene.control.Labeled.class).getWidth()).as(id).isPositive();
            }

            // the header's "up …" goes on counting
            Label subtitle = robot.lookup("#session-subtitle").queryAs(Label.class);
            String age = fx(subtitle::getText);
            assertThat(age).contains("up ");
            waitFor("the target's age to move on from '" + age + "'", 70, () -> !subtitle.getText().equals(age)
                    && subtitle.getText().contains("up "));

            // hover a frame of the probe in the live flame graph and keep the mouse still: it stays hovered
            robot.clickOn("Flame graph");
            SessionView view = fx(() -> window.sessionView());
            FlameGraphView flame = view.flameView();
            waitFor("the probe's frames drawn", 30, () -> probeFrame() > 0 && flame.boundsOf(probeFrame()) != null);
            String name = fx(() -> vm.session().flame().graph().name(probeFrame()));
            boolean hovered = false;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int round = 0; !hovered && System.nanoTime() < until; round++) {
                int nudge = round % 3 - 1;
                var at = fx(() -> {
                    double[] b = flame.boundsOf(probeFrame());
                    return b == null ? null : flame.canvas().localToScreen(b[0] + b[2] / 2 + nudge, b[1] + FlameGraphView.ROW / 2);
                });
                if (at != null) {
                    robot.moveTo(at);
                    WaitForAsyncUtils.waitForFxEvents();
                    hovered = fx(() -> vm.session().flame().hoverTextProperty().get().startsWith(name));
                }
            }
            assertThat(hovered).as("hovering %s", name).isTrue();
            int[] refreshes = {0};
            fx(() -> {
                vm.session().flame().graphProperty().addListener((o, a, b) -> refreshes[0]++);
                return null;
            });
            waitFor("two live refreshes", 30, () -> refreshes[0] >= 2);
            assertThat(robot.lookup(".flame-info").queryAs(Label.class).getText())
                    .as("the frame under the still mouse is still described").startsWith(name);
        }
    }

    @Test
    void theEventsAndIntervalAreChosenBeforeAttachingAndCarryOverToTheNextAttach(FxRobot robot) throws Exception {
        robot.clickOn("#next-alloc").clickOn("#next-wall");
        robot.doubleClickOn("#next-interval .text-field").press(javafx.scene.input.KeyCode.CONTROL)
                .type(javafx.scene.input.KeyCode.A).release(javafx.scene.input.KeyCode.CONTROL).write("20")
                .type(javafx.scene.input.KeyCode.ENTER);
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(WindowTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            fx(() -> {
                vm.attach(Long.toString(probe.pid()));
                return null;
            });
            waitFor("sampling", 90, () -> vm.session() != null && vm.session().state() == SessionViewModel.State.SAMPLING);
            assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Sampling cpu, wall every 20 ms");
            assertThat(robot.lookup("#event-wall").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
            assertThat(robot.lookup("#event-alloc").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
            assertThat(robot.lookup("#interval").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(20);

            // what the session is set to next is what the sidebar offers for the next attach
            robot.clickOn("#stop-button");
            waitFor("stopped", 90, () -> vm.session().state() == SessionViewModel.State.READY);
            Path recording = fx(() -> vm.session().recordingProperty().get());
            assertThat(dev.hoist.core.session.RecordingSidecar.read(recording)).as("what it advised with, beside the recording")
                    .hasValueSatisfying(m -> assertThat(m.events()).contains("cpu", "wall"));
            robot.clickOn("#event-lock");
            assertThat(robot.lookup("#next-lock").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
            assertThat(robot.lookup("#next-wall").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        }
    }

    @Test
    void aLongListOfStaticFindingsFiltersByRuleOrClass(FxRobot robot) throws Exception {
        fx(() -> {
            vm.analyze(List.of(AdviceRecordings.workloadClasses()));
            return null;
        });
        waitFor("the static findings", 120, () -> vm.session() != null && vm.session().state() == SessionViewModel.State.READY);
        SessionView view = fx(() -> window.sessionView());
        int all = fx(() -> view.adviceView().list().getItems().size());
        assertThat(all).isGreaterThan(5);

        robot.clickOn("#advice-filter").write("boxing");
        waitFor("the list filtered", 10, () -> view.adviceView().list().getItems().size() < all);
        List<String> rules = fx(() -> view.adviceView().list().getItems().stream()
                .map(a -> a.finding().rule() + " " + vm.session().advice().title(a.finding().rule())).toList());
        assertThat(rules).isNotEmpty().allMatch(r -> r.toLowerCase(java.util.Locale.ROOT).contains("boxing"));
        assertThat(fx(() -> view.tabs().getTabs().get(0).getText())).isEqualTo("Advice (" + rules.size() + " of " + all + ")");

        fx(() -> {
            robot.lookup("#advice-filter").queryAs(javafx.scene.control.TextField.class).clear();
            return null;
        });
        waitFor("the whole list again", 10, () -> view.adviceView().list().getItems().size() == all);
    }

    /** The widest frame of the probe's own class in the live flame graph, -1 while there is none. */
    private int probeFrame() {
        var g = vm.session().flame().graph();
        int best = -1;
        for (int i = 1; g != null && i < g.size(); i++) {
            if (g.name(i).startsWith(WindowTest.PROBE + ".") && (best < 0 || g.total(i) > g.total(best))) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void aFileThatIsNoRecordingSaysSoAndKeepsTheOpenSession(FxRobot robot) throws Exception {
        openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        SessionView view = fx(() -> window.sessionView());
        String title = robot.lookup("#session-title").queryAs(Label.class).getText();
        int advice = fx(() -> view.adviceView().list().getItems().size());
        Path broken = sessions.resolve("broken.jfr");
        Files.write(broken, new byte[] {'n', 'o', 't', 0, 1, 2, 3});

        fx(() -> {
            window.open(broken);
            return null;
        });
        waitFor("the error banner", 30, () -> robot.lookup("#error-banner").query().isVisible());
        assertThat(robot.lookup("#error-banner .label").match((Label l) -> l.getText().contains("broken.jfr")).tryQuery())
                .as("the banner names the file and what is wrong with it").isPresent();
        assertThat(robot.lookup("#session-title").queryAs(Label.class).getText()).as("the open session stays").isEqualTo(title);
        assertThat(fx(() -> window.sessionView() == view && view.adviceView().list().getItems().size() == advice)).isTrue();
        assertThat(robot.lookup("#save-button").query().isDisabled()).as("and can still be saved").isFalse();
    }

    @Test
    void theAdvicesLocationAndCodeCanBeSelectedAndCopied(FxRobot robot) throws Exception {
        openAndWait(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        SessionView view = fx(() -> window.sessionView());
        // the first piece of advice with a fix
        int n = fx(() -> view.adviceView().list().getItems().size());
        for (int i = 0; i < n && robot.lookup("#fix-after").tryQuery().isEmpty(); i++) {
            int item = i;
            fx(() -> {
                view.adviceView().list().getSelectionModel().select(item);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        javafx.scene.control.TextInputControl after = robot.lookup("#fix-after").queryAs(javafx.scene.control.TextInputControl.class);
        assertThat(after.isEditable()).isFalse();
        fx(() -> { // the clipboard starts from something else
            AdviceView.toClipboard("");
            return null;
        });

        javafx.scene.control.TextInputControl where = robot.lookup("#detail-location")
                .queryAs(javafx.scene.control.TextInputControl.class);
        rightClick(robot, where);
        waitFor("the location's menu", 10, () -> where.getContextMenu().isShowing());
        robot.clickOn("Copy location");
        waitFor("the location on the clipboard", 10, () -> where.getText().equals(
                javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(where.getText()).matches(".*\\(\\w+\\.java:\\d+\\).*");

        fx(() -> { // as the user scrolls the detail down to the fix
            javafx.scene.Node up = after;
            while (!(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            javafx.scene.control.ScrollPane scroller = (javafx.scene.control.ScrollPane) up;
            double y = scroller.getContent().sceneToLocal(after.localToScene(0, 0)).getY();
            double room = scroller.getContent().getBoundsInLocal().getHeight() - scroller.getViewportBounds().getHeight();
            scroller.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, y - 40) / room));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        rightClick(robot, after);
        waitFor("the code's menu", 10, () -> after.getContextMenu().isShowing());
        robot.clickOn("Copy after code");
        waitFor("the fix on the clipboard", 10, () -> javafx.scene.input.Clipboard.getSystemClipboard().getString() != null
                && javafx.scene.input.Clipboard.getSystemClipboard().getString().equals(after.getText()));

        // and a part of the code selects as in any text field
        robot.doubleClickOn(after);
        waitFor("a word selected", 10, () -> !after.getSelectedText().isEmpty());
    }

    /**
     * A right click on {@code node}. Headless Monocle turns a right click into no context-menu
     * request (TestFX/TestFX#645), so the request the platform would send follows it, at the same point.
     */
    static void rightClick(FxRobot robot, javafx.scene.Node node) throws Exception {
        robot.rightClickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            javafx.geometry.Bounds b = node.getLayoutBounds();
            double x = b.getCenterX();
            double y = b.getCenterY();
            javafx.geometry.Point2D screen = node.localToScreen(x, y);
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, x, y, screen.getX(), screen.getY(), false,
                    new javafx.scene.input.PickResult(node, x, y)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void resize(double w, double h) throws Exception {
        fx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Texts the user sees cut to "…": a label, button, check box or cell whose drawn text is not its
     * text. Cells of the named columns may shorten (long method names do).
     */
    static List<String> elided(javafx.scene.Node root, String... columnsThatMayShorten) {
        List<String> out = new java.util.ArrayList<>();
        walk(root, List.of(columnsThatMayShorten), out);
        return out;
    }

    private static void walk(javafx.scene.Node n, List<String> mayShorten, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                && mayShorten.contains(c.getTableColumn().getText())) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (javafx.scene.Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
                    out.add("'" + l.getText() + "' shows as '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                walk(child, mayShorten, out);
            }
        }
    }
}
