package dev.hoist.core.jvm;

import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The vital signs of a real child JVM, read with diagnostic commands and /proc, leaving nothing behind in it. */
class TargetVitalsTest {

    @Test
    void readsHeapGcCpuAndNamedThreadsAndLeavesNoManagementAgentInTheTarget(@TempDir Path dir) throws Exception {
        try (ChildJvm child = Probe.child(Probe.launcherJar(dir, "vitals-probe")).start()) {
            TargetVitals.Vitals second;
            try (TargetVitals vitals = TargetVitals.open(child.pid())) {
                Thread.sleep(1_000); // open read once: this read's shares are of the second since

                second = vitals.read();
                assertThat(vitals.threadDump()).contains("\"main\"").contains("java.lang.Thread.State");
            }
            assertThat(second.vmName()).contains("VM");
            assertThat(second.uptime().toMillis()).isPositive();
            assertThat(second.heapUsed()).isPositive();
            assertThat(second.heapCommitted()).isGreaterThanOrEqualTo(second.heapUsed());
            assertThat(second.heapMax()).as("-Xmx256m").isEqualTo(256L << 20);
            assertThat(second.gcShare()).isBetween(0.0, 1.0);
            assertThat(second.cpuCores()).as("the probe spins").isPositive();
            assertThat(second.processors()).isPositive();
            // the main thread by its Java name: the system calls it "java"; the JVM's own threads by theirs
            assertThat(second.threads()).extracting(TargetVitals.ThreadVitals::name).contains("main", "VM Thread");
            assertThat(second.threads().get(0).cpuCores()).isPositive();

            String status = jcmd(child.pid(), "ManagementAgent.status");
            assertThat(status).as("no management agent started").contains("Agent: disabled")
                    .doesNotContain("Connection Type");
        }
    }

    @Test
    void threadNamesComeFromEitherSpellingOfTheNativeId() {
        String dump = """
                "main" #1 prio=5 os_prio=0 cpu=350.76ms elapsed=25.22s tid=0x00007fa59c018020 nid=0x7711 waiting on condition
                "pool-1-thread-1 \\"odd\\"" #22 [4242] prio=5 os_prio=0 cpu=1.00ms elapsed=1.00s tid=0x1 nid=4242 runnable
                "VM Thread" os_prio=0 cpu=1.2ms elapsed=25.2s tid=0x00007fa59c0e8000 nid=0x7716 runnable
                """;
        assertThat(ThreadNames.of(dump)).containsEntry(0x7711L, "main").containsEntry(4242L, "pool-1-thread-1 \\\"odd\\\"")
                .containsEntry(0x7716L, "VM Thread").hasSize(3);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
