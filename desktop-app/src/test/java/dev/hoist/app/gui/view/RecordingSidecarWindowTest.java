package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.app.gui.vm.Workers;
import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.core.session.RecordingSidecar;
import dev.hoist.core.session.SessionArchive;
import dev.hoist.workloads.Catalog;
import javafx.application.Platform;
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
 * A window started without a class path opens a recording that {@code hoist profile} made: the
 * class path that run wrote beside the recording is what the advice reads, so it opens with advice.
 */
@ExtendWith(ApplicationExtension.class)
class RecordingSidecarWindowTest {
    private MainViewModel vm;
    private MainWindow window;
    private Workers workers;
    private Stage stage;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workers = Workers.threads(Platform::runLater);
        vm = new MainViewModel(workers, dir, List.of(), "");
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

    @Test
    void aRecordingWithTheClassPathBesideItOpensWithAdvice(FxRobot robot) throws Exception {
        Path recording = dir.resolve("demo.jfr");
        Files.copy(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7), recording);
        RecordingSidecar.write(recording, new SessionArchive.Meta(RecordingSidecar.SCHEMA, "DemoMain", "1 DemoMain", null,
                List.of("cpu", "alloc"), AdviceRecordings.workloadClasses().toString(), List.of(), "demo.jfr", 0));
        fx(() -> {
            window.open(recording);
            return null;
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> vm.session() != null
                && vm.session().state() == SessionViewModel.State.READY));
        String tab = fx(() -> window.sessionView().tabs().getTabs().get(0).getText());
        assertThat(Integer.parseInt(tab.replaceAll("\\D", ""))).as(tab).isGreaterThanOrEqualTo(4);
        assertThat(robot.lookup("#notes-banner .label").match((Label l) -> l.getText().contains("demo.jfr.hoist.json"))
                .tryQuery()).as("the notes say where the class path came from").isPresent();
        assertThat(fx(() -> vm.session().classPathProperty().get())).isEqualTo(AdviceRecordings.workloadClasses().toString());
    }
}
