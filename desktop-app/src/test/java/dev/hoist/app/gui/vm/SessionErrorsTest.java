package dev.hoist.app.gui.vm;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.core.jvm.Targets;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static dev.hoist.app.gui.vm.SessionViewModelTest.PROBE;
import static dev.hoist.app.gui.vm.SessionViewModelTest.WAIT;
import static dev.hoist.app.gui.vm.SessionViewModelTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong on the way reaches the user instead of an empty lambda: a class path entry that
 * does not exist, a live re-ranking that throws, and what the debug-info repair did on attach.
 */
class SessionErrorsTest {

    @Test
    void aClassPathEntryThatDoesNotExistIsInTheNotes(@TempDir Path dir) throws Exception {
        Path demo = AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7);
        Path missing = dir.resolve("missing.jar");
        String classPath = AdviceRecordings.workloadClasses() + File.pathSeparator + missing;
        try (TestWorkers t = new TestWorkers()) {
            var s = t.onUi(() -> SessionViewModel.recording(demo, t.workers, rules(), List.of(), classPath));
            t.onUi(s::load);
            t.await("the recording read and advised", WAIT, () -> s.state() != SessionViewModel.State.LOADING);
            assertThat(t.onUi(s::state)).isEqualTo(SessionViewModel.State.READY);
            assertThat(t.onUi(() -> s.notesProperty().get())).contains(missing.toString()).contains("not found");
            assertThat(t.onUi(() -> s.advice().items())).as("the advice is still made").isNotEmpty();

            // a new class path with another missing entry: said again, for that entry
            Path other = dir.resolve("other.jar");
            String next = AdviceRecordings.workloadClasses() + File.pathSeparator + other;
            t.onUi(() -> s.setClassPath(next));
            t.await("the new warning", WAIT, () -> s.notesProperty().get().contains(other.toString()));
        }
    }

    @Test
    void aFailingLiveReRankingAndTheRepairAreShown(@TempDir Path dir) throws Exception {
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE).mergeStderr().readyPrefix("ready").start();
             TestWorkers t = new TestWorkers()) {
            var target = Targets.resolvePid(probe.pid());
            var s = t.onUi(() -> SessionViewModel.live(target, t.workers, rules(), dir, List.of(), ""));
            s.advising.adviseWith((p, cp, o, warnings, memory) -> {
                throw new IllegalStateException("the advisor broke");
            });
            t.onUi(s::start);
            t.await("sampling", WAIT, () -> s.state() == SessionViewModel.State.SAMPLING);
            // the window's attach repairs debug info as hoist profile does, and says so in the status
            String status = t.onUi(() -> s.statusProperty().get());
            assertThat(status).containsAnyOf("; repaired debug info: ", "; debug info not repaired: ");
            assertThat(t.onUi(() -> s.notesProperty().get())).containsAnyOf("repaired debug info: ", "debug info not repaired: ");

            t.awaitTicking("the failed re-ranking in the notes", WAIT,
                    () -> s.notesProperty().get().contains("Re-ranking the advice failed"));
            assertThat(t.onUi(() -> s.notesProperty().get())).contains("the advisor broke");
            assertThat(t.onUi(s::state)).as("sampling goes on").isEqualTo(SessionViewModel.State.SAMPLING);

            t.onUi(s::stop);
            t.await("stopped", WAIT, () -> s.state() == SessionViewModel.State.READY);
            assertThat(t.onUi(() -> s.notesProperty().get())).contains("The advice failed: Unexpected error: the advisor broke");
            assertThat(t.onUi(() -> s.statusProperty().get())).contains("the recording is ");
        }
    }
}
