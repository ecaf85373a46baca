package dev.hoist.app.gui.vm;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions on real things: a recording of the demo made with async-profiler, a live JVM started
 * from sample-workloads and sampled through attach, a corrupt file, a saved session reopened.
 */
class SessionViewModelTest {
    static final String PROBE = "dev.hoist.workloads.probe.HotAndAlloc";
    static final Duration WAIT = Duration.ofSeconds(90);

    static List<dev.hoist.core.rule.Rule> rules() {
        return List.copyOf(RuleRegistry.load().all());
    }

    @Test
    void aRecordingShowsItsFlameGraphMethodsAndRankedAdviceWithTheLoopSource() throws Exception {
        Path demo = AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7);
        String classes = AdviceRecordings.workloadClasses().toString();
        try (TestWorkers t = new TestWorkers()) {
            var s = t.onUi(() -> SessionViewModel.recording(demo, t.workers, rules(), List.of(), classes));
            t.onUi(s::load);
            t.await("the recording read and advised", WAIT, () -> s.state() != SessionViewModel.State.LOADING);
            assertThat(t.onUi(() -> s.errorProperty().get())).isEmpty();
            assertThat(t.onUi(s::state)).isEqualTo(SessionViewModel.State.READY);
            assertThat(t.onUi(() -> s.kinds().stream().toList())).contains(EventKind.CPU, EventKind.ALLOC);
            assertThat(t.onUi(() -> s.flame().graph().size())).isGreaterThan(20);
            assertThat(t.onUi(() -> s.methods().rows().stream().anyMatch(r -> r.name().contains("OrderFeed.parse")))).isTrue();

            // the top advice is one of the demo's planted wastes, selected first
            var top = t.onUi(() -> s.advice().items().get(0));
            assertThat(dev.hoist.workloads.Catalog.DEMO).anyMatch(p -> p.ruleId().equals(top.finding().rule()));
            assertThat(t.onUi(() -> s.advice().detailProperty().get().share())).contains("of cpu samples were at this site");
            // the copy the demo plants in OrderFeed.parse, selected: its loop, its source, its fix
            t.onUi(() -> {
                s.advice().selectedProperty().set(s.advice().items().stream()
                        .filter(a -> a.finding().rule().equals("copy-in-loop")).findFirst().orElseThrow());
                return null;
            });
            AdviceViewModel.Detail d = t.onUi(() -> s.advice().detailProperty().get());
            assertThat(d.location()).contains("OrderFeed.parse");
            assertThat(d.source()).as("the Maven layout beside target/classes gives the source")
                    .anyMatch(l -> l.flagged() && l.text().contains("substring"));

            // the fix in the demo's own code, found beside its classes
            assertThat(d.after()).contains("Integer.parseInt(line, c3 + 1, c4, 10)");

            t.onUi(() -> s.viewKindProperty().set(EventKind.ALLOC));
            t.await("the allocation view", WAIT, () -> s.flame().graph().kind() == EventKind.ALLOC);
            assertThat(t.onUi(() -> s.methods().unitProperty().get())).isEqualTo("allocated");

            // replaced by another session, it lets go of the profile and all made from it; the file stays
            t.onUi(s::release);
            assertThat(t.onUi(() -> s.viewProperty().get())).isNull();
            assertThat(t.onUi(() -> s.flame().graph())).isNull();
            assertThat(t.onUi(() -> s.methods().rows())).isEmpty();
            assertThat(t.onUi(() -> s.advice().items())).isEmpty();
            assertThat(demo).exists();
        }
    }

    @Test
    void aCorruptRecordingFailsWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.jfr");
        byte[] good = Files.readAllBytes(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
        Files.write(bad, java.util.Arrays.copyOf(good, 40));
        try (TestWorkers t = new TestWorkers()) {
            var s = t.onUi(() -> SessionViewModel.recording(bad, t.workers, rules(), List.of(), ""));
            t.onUi(s::load);
            t.await("the failure", WAIT, () -> s.state() == SessionViewModel.State.FAILED);
            String error = t.onUi(() -> s.errorProperty().get());
            assertThat(error).startsWith(bad.toString()).contains("truncated").doesNotContain("\n").doesNotContain("Exception");
            assertThat(bad).exists();
        }
    }

    @Test
    void aSavedSessionReopensWithItsAdviceAfterTheClassesAreGone(@TempDir Path dir) throws Exception {
        Path demo = AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7);
        String classes = AdviceRecordings.workloadClasses().toString();
        try (TestWorkers t = new TestWorkers()) {
            MainViewModel main = t.onUi(() -> new MainViewModel(t.workers, rules(), dir, JvmListViewModel.of(t.workers, List::of),
                    List.of(), classes));
            t.onUi(() -> main.open(demo));
            t.await("the recording", WAIT, () -> main.canSave());
            List<String> ranked = t.onUi(() -> main.session().advice().items().stream()
                    .map(a -> a.rank() + " " + a.finding().rule() + " " + a.finding().line()).toList());
            Path saved = dir.resolve("demo");
            t.onUi(() -> main.save(saved));
            Path file = dir.resolve("demo.hoist");
            t.await("the save", WAIT, () -> main.statusProperty().get().startsWith("Saved"));
            assertThat(file).exists();

            // a second window with no class path at all: the advice comes from the file
            MainViewModel other = t.onUi(() -> new MainViewModel(t.workers, rules(), dir, JvmListViewModel.of(t.workers, List::of),
                    List.of(), ""));
            t.onUi(() -> other.open(file));
            t.await("the saved session", WAIT, () -> other.session().state() == SessionViewModel.State.READY);
            assertThat(t.onUi(() -> other.session().titleProperty().get())).endsWith("saved session");
            assertThat(t.onUi(() -> other.session().advice().items().stream()
                    .map(a -> a.rank() + " " + a.finding().rule() + " " + a.finding().line()).toList())).isEqualTo(ranked);
            assertThat(t.onUi(() -> other.session().flame().graph().size())).isGreaterThan(20);
        }
    }

    @Test
    void aLiveSessionFillsWhileSamplingAndStoppingKeepsTheRecording(@TempDir Path dir) throws Exception {
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start(); TestWorkers t = new TestWorkers()) {
            var target = Targets.resolvePid(probe.pid());
            var s = t.onUi(() -> SessionViewModel.live(target, t.workers, rules(), dir, List.of(), ""));
            t.onUi(s::start);
            t.await("sampling", WAIT, () -> s.state() == SessionViewModel.State.SAMPLING);
            Path recording = t.onUi(() -> s.recordingProperty().get());
            assertThat(recording.getParent()).isEqualTo(dir);
            t.awaitTicking("samples arrive while sampling", WAIT, () -> s.samplesProperty().get() > 0);
            assertThat(t.onUi(() -> s.samplesProperty().get())).as("samples arrive while sampling").isPositive();
            assertThat(t.onUi(() -> s.methods().rows().stream().anyMatch(r -> r.name().contains("HotAndAlloc")))).isTrue();
            assertThat(t.onUi(() -> s.elapsedProperty().get())).matches("0:\\d\\d");

            t.onUi(s::stop);
            t.await("stopped", WAIT, () -> s.state() == SessionViewModel.State.READY);
            assertThat(t.onUi(() -> s.errorProperty().get())).isEmpty();
            assertThat(t.onUi(() -> s.statusProperty().get())).contains("the recording is " + recording);
            assertThat(recording).exists();
            assertThat(t.onUi(() -> s.reportProperty().get())).as("the final advice ran").isNotNull();
            assertThat(probe.process().isAlive()).as("stopping the sampler leaves the target running").isTrue();
            assertThat(s.isSampling()).isFalse();
        }
    }

    @Test
    void aTargetThatExitsWhileSampledKeepsWhatWasSampledAndSaysSo(@TempDir Path dir) throws Exception {
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start(); TestWorkers t = new TestWorkers()) {
            var target = Targets.resolvePid(probe.pid());
            var s = t.onUi(() -> SessionViewModel.live(target, t.workers, rules(), dir, List.of(), ""));
            t.onUi(s::start);
            t.await("sampling", WAIT, () -> s.state() == SessionViewModel.State.SAMPLING);
            // a checkpoint has reached the disk and been read
            t.awaitTicking("samples on disk", WAIT, () -> s.samplesProperty().get() > 0);
            probe.process().destroyForcibly().waitFor();
            t.awaitTicking("the session ends", WAIT, () -> s.state() == SessionViewModel.State.READY
                    || s.state() == SessionViewModel.State.FAILED);
            assertThat(t.onUi(() -> s.errorProperty().get())).contains("JVM " + probe.pid() + " exited after")
                    .contains("the samples taken so far are in");
            assertThat(t.onUi(() -> s.samplesProperty().get())).isPositive();
            assertThat(t.onUi(() -> s.recordingProperty().get())).exists();
        }
    }

    @Test
    void attachingToADeadPidSaysSoAndKeepsTheCurrentSession(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (TestWorkers t = new TestWorkers()) {
            MainViewModel main = t.onUi(() -> new MainViewModel(t.workers, rules(), dir, JvmListViewModel.of(t.workers, List::of),
                    List.of(), ""));
            t.onUi(() -> main.attach(Long.toString(gone.pid())));
            t.await("the error", WAIT, () -> !main.errorProperty().get().isEmpty());
            assertThat(t.onUi(() -> main.errorProperty().get())).isEqualTo("no process with PID " + gone.pid()
                    + "; the list on the left shows the JVMs you can attach to");
            assertThat(t.onUi(main::session)).isNull();
            assertThat(t.onUi(() -> main.busyProperty().get())).isEmpty();
        }
    }

    @Test
    void aJarIsAnalyzedWithoutAProfileAndABrokenOneFailsClearly(@TempDir Path dir) throws Exception {
        try (TestWorkers t = new TestWorkers()) {
            var s = t.onUi(() -> SessionViewModel.analysis(List.of(AdviceRecordings.workloadClasses()), t.workers,
                    rules(), List.of(), ""));
            t.onUi(s::load);
            t.await("the analysis", WAIT, () -> s.state() != SessionViewModel.State.LOADING);
            assertThat(t.onUi(() -> s.advice().items().size())).isGreaterThan(10);
            assertThat(t.onUi(() -> s.advice().measuredProperty().get())).isFalse();
            assertThat(t.onUi(() -> s.advice().items().stream().map(a -> a.finding().rule()).distinct().count()))
                    .as("the pairs plant every rule").isEqualTo(dev.hoist.workloads.Catalog.PAIRS.size())
                    .isEqualTo(rules().size());

            Path broken = dir.resolve("broken.jar");
            Files.writeString(broken, "PK not really a jar");
            var b = t.onUi(() -> SessionViewModel.analysis(List.of(broken), t.workers, rules(), List.of(), ""));
            t.onUi(b::load);
            t.await("the failure", WAIT, () -> b.state() == SessionViewModel.State.FAILED);
            assertThat(t.onUi(() -> b.errorProperty().get())).startsWith("No class could be read from broken.jar");
        }
    }
}
