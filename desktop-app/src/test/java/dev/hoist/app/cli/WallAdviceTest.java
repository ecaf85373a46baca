package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import dev.hoist.workloads.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Wall-clock advice ranks the code that ran: most wall samples of a JVM are its idle threads
 * (futex, park, accept), which filled the hot-method cut-off so that no Java method was analyzed.
 * The report says what it left out and whose code it ranked, and shares are of the running time.
 */
class WallAdviceTest {

    @Test
    void wallModeAdvisesOnTheBusyThreadAndSaysWhatItLeftOut() throws Exception {
        Path file = Recorder.scratchDir("hoist-wall").resolve("demo-wall.jfr");
        Recorder.record(ChildJvm.java().classpath(AdviceRecordings.workloadClasses()).mainClass(Catalog.DEMO_MAIN).args("--seconds", "5"),
                Recorder.asyncProfiler("event=wall,interval=2ms", file), file, Duration.ofSeconds(65));
        MainTest.Result r = MainTest.run("report", file.toString(), "--event", "wall", "--classpath",
                AdviceRecordings.workloadClasses().toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the text report wraps at 100 columns: compare with its lines joined
        String advice = r.out().substring(r.out().indexOf("Advice (")).replaceAll("\\s+", " ");
        assertThat(advice).contains("were threads waiting (park, wait, sleep, I/O), left out of the ranking")
                // the main thread (named DestroyJavaVM once main() returns, as the recording's last word on it)
                .containsPattern("mostly that of (main|DestroyJavaVM) \\(\\d+ samples\\)");
        assertThat(advice).contains("#1 ").contains("dev.hoist.workloads.demo.");
    }
}
