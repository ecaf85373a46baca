package dev.hoist.core.jvm;

import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How a scan of /proc tells JVMs from other processes, against real processes. */
class ProcFsTest {
    @TempDir
    Path tmp;

    @Test
    void aScanFindsJvmsWithAndWithoutPerfDataAndNothingElse() throws Exception {
        Assumptions.assumeTrue(ProcFs.available(), "needs /proc");
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try (ChildJvm plain = Probe.child(Probe.launcherJar(tmp, "procfs-plain")).start();
             ChildJvm noPerfData = Probe.child(Probe.launcherJar(tmp, "procfs-noperf"))
                     .jvmArgs("-XX:-UsePerfData").start()) {
            assertThat(ProcFs.perfDataPids()).contains(plain.pid()).doesNotContain(noPerfData.pid(), sleep.pid());
            assertThat(ProcFs.jvmPids()).contains(plain.pid(), noPerfData.pid(), ProcessHandle.current().pid())
                    .doesNotContain(sleep.pid());
            assertThat(ProcFs.isJvm(noPerfData.pid())).contains(true);
            assertThat(ProcFs.isJvm(sleep.pid())).contains(false);
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor();
        }
    }

    @Test
    void aGoneProcessIsNotAJvm() throws IOException, InterruptedException {
        Assumptions.assumeTrue(ProcFs.available(), "needs /proc");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertThat(ProcFs.isJvm(gone.pid())).contains(false);
        assertThat(ProcFs.jvmPids()).doesNotContain(gone.pid());
    }
}
