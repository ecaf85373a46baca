package dev.hoist.app.gui.view;

import static dev.hoist.app.gui.view.WindowTest.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.app.gui.vm.StartupViewModel;
import dev.hoist.app.gui.vm.Workers;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.startup.SlowStart;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code hoist startup} in the window (issue 21): a command line typed in, Run, and the study's
 * result as the user sees it: the breakdown in the report with the planted slow static initializer,
 * the cures measured side by side in the chart and listed with their gain, the planted boxing loop
 * of the start listed beside them with its share and detailed when clicked, and a command that
 * cannot be read said in one line. A real child JVM of the planted slow-start program.
 */
@ExtendWith(ApplicationExtension.class)
class StartupWindowTest {
    private Workers workers;
    private StartupViewModel vm;
    private Stage stage;

    @TempDir
    Path cache;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workers = Workers.threads(Platform::runLater);
        vm = new StartupViewModel(workers, cache);
        stage.setScene(new Scene(new StartupWindow(vm), 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(30, TimeUnit.SECONDS);
        workers.close();
    }

    private static String command() {
        return ChildJvm.currentJavaHome().resolve("bin/java") + " -cp '" + ChildJvm.codeSourceOf(SlowStart.class) + "' "
                + SlowStart.class.getName() + " --boxing";
    }

    @Test
    void aStartIsMeasuredAndItsCuresRankedInTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#startup-command").write(command());
        fx(() -> {
            vm.runsProperty().set(1);
            return null;
        });
        robot.clickOn("#startup-run");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> fx(() -> vm.stateProperty().get() != StartupViewModel.State.RUNNING
                && vm.stateProperty().get() != StartupViewModel.State.IDLE));
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        String report = fx(() -> robot.lookup("#startup-report").queryAs(TextArea.class).getText());
        assertThat(report).contains("Time to the end point").contains("SlowStart$RateTable");
        ListView<?> advice = robot.lookup("#startup-advice").queryListView();
        assertThat(fx(() -> advice.getItems().size())).as(report).isPositive();
        String detail = fx(() -> robot.lookup("#startup-detail").queryAs(TextArea.class).getText());
        assertThat(detail).as("the first advice is selected and detailed").isNotBlank();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#startup-chart").queryAs(BarChart.class);
        assertThat(fx(() -> chart.getData().size())).isEqualTo(2);
        assertThat(fx(() -> chart.getData().get(0).getData().size())).as("each measured cure has its bars").isPositive();

        // beside the cures, the loop that was hot during the start, as the loop advisor words it
        ListView<?> loops = robot.lookup("#startup-loops").queryListView();
        assertThat(fx(() -> loops.getItems().size())).as(report).isPositive();
        ListCell<?> boxing = robot.lookup("#startup-loops .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().contains("boxing-in-loop")).findFirst()
                .orElseThrow(() -> new AssertionError("no boxing-in-loop among the loops: " + report));
        assertThat(boxing.getText()).contains("SlowStart.loadIds:").containsPattern("[0-9.]+% cpu");
        robot.clickOn(boxing);
        WaitForAsyncUtils.waitForFxEvents();
        String loopDetail = fx(() -> robot.lookup("#startup-detail").queryAs(TextArea.class).getText());
        assertThat(loopDetail).contains("boxing-in-loop").contains("boxed to Integer").contains("loadIds (SlowStart.java:");
        assertThat(report).contains("Loops hot during start");
    }

    @Test
    void aCommandThatCannotBeReadIsOneLineAndNothingRuns(FxRobot robot) throws Exception {
        robot.clickOn("#startup-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(StartupViewModel.State.FAILED);
        String error = fx(() -> robot.lookup("#startup-error").queryAs(Label.class).getText());
        assertThat(error).contains("give the java command line").doesNotContain("\n");
    }
}
