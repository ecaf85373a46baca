package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.workloads.probe.HotAndAlloc;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class JvmsCommandTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts the probe workload as a real child JVM and waits for its ready line. */
    private static Process startProbe(String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", Path.of(HotAndAlloc.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(), HotAndAlloc.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).isEqualTo("ready");
        return p;
    }

    private static void kill(Process p) throws InterruptedException {
        if (p != null) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void listsAChildJvmWithItsVersionAndAnAttachDisabledOneWithTheReason() throws Exception {
        Process open = null;
        Process closed = null;
        try {
            open = startProbe();
            closed = startProbe("-XX:+DisableAttachMechanism");
            Result r = run("jvms");
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("PID").contains("MAIN", "VERSION", "VENDOR", "UPTIME", "STATUS");
            String openRow = row(r.out(), open.pid());
            assertThat(openRow).contains(HotAndAlloc.class.getName(), System.getProperty("java.version"),
                    System.getProperty("java.vendor"), "attachable");
            assertThat(row(r.out(), closed.pid())).contains(HotAndAlloc.class.getName(),
                    "refuses attach: started with -XX:+DisableAttachMechanism");
            assertThat(r.out()).doesNotContain(ProcessHandle.current().pid() + " ");
        } finally {
            kill(open);
            kill(closed);
        }
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        Process open = null;
        try {
            open = startProbe();
            Result r = run("jvms", "--format", "json");
            assertThat(r.code()).isZero();
            JsonNode all = new ObjectMapper().readTree(r.out());
            long pid = open.pid();
            JsonNode child = StreamSupport.stream(all.spliterator(), false)
                    .filter(n -> n.get("pid").asLong() == pid).findFirst().orElseThrow();
            assertThat(child.get("main").asText()).isEqualTo(HotAndAlloc.class.getName());
            assertThat(child.get("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
            assertThat(child.get("attachable").asBoolean()).isTrue();
            assertThat(child.get("reason").isNull()).isTrue();
            assertThat(child.get("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        } finally {
            kill(open);
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Result r = run("jvms", "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format", "xml");
    }

    @Test
    void uptimeIsShortAndReadable() {
        assertThat(JvmsCommand.uptime(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(JvmsCommand.uptime(Duration.ofSeconds(3 * 60 + 7))).isEqualTo("3m07s");
        assertThat(JvmsCommand.uptime(Duration.ofHours(5).plusMinutes(4))).isEqualTo("5h04m");
        assertThat(JvmsCommand.uptime(Duration.ofDays(2).plusHours(1))).isEqualTo("2d01h");
        assertThat(JvmsCommand.uptime(null)).isEqualTo("?");
    }

    private static String row(String table, long pid) {
        return table.lines().filter(l -> l.startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for PID " + pid + " in:\n" + table));
    }
}
