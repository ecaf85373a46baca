package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.probe.HotAndAlloc;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private static ChildJvm startProbe(String... jvmArgs) throws Exception {
        ChildJvm p = ChildJvm.java().jvmArgs(jvmArgs).classpath(ChildJvm.codeSourceOf(HotAndAlloc.class))
                .mainClass(HotAndAlloc.class).pipeStdout().stderrTo(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.process().getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assertThat(line).isEqualTo("ready");
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    private static void kill(ChildJvm p) throws InterruptedException {
        if (p != null) {
            p.close();
        }
    }

    @Test
    void listsAChildJvmWithItsVersionAndAnAttachDisabledOneWithTheReason() throws Exception {
        ChildJvm open = null;
        ChildJvm closed = null;
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

    /** A JVM started from a jar whose name carries terminal escapes (any local user can start one) is listed with them escaped. */
    @Test
    void aHostileJarNameReachesTheTerminalEscaped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String hostile = "evil\u001b]0;pwned\u0007\u001b[2J\u202e";
        java.nio.file.Path jar = ChildJvm.launcherJar(dir, hostile, HotAndAlloc.class.getName(), ChildJvm.codeSourceOf(HotAndAlloc.class));
        try (ChildJvm p = ChildJvm.java().jar(jar).mergeStderr().readyPrefix("ready").start()) {
            Result r = run("jvms");
            assertThat(r.code()).isZero();
            String row = row(r.out(), p.pid());
            assertThat(row).contains("evil\\u001b]0;pwned\\u0007\\u001b[2J\\u202e");
            assertThat(r.out() + r.err()).doesNotContain("\u001b", "\u0007", "\u202e");
            // an error message that names the target escapes it too
            Result bad = run("report", dir.resolve(hostile + ".jfr").toString());
            assertThat(bad.code()).isNotZero();
            assertThat(bad.err()).contains("evil\\u001b]0;pwned").doesNotContain("\u001b", "\u0007");
        }
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        ChildJvm open = null;
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

    @Test
    void eachRowSaysWhoseJvmItIsAndVerboseAddsItsCommandLine() throws Exception {
        ChildJvm open = null;
        try {
            open = startProbe("-Dhoist.test.marker=42");
            Result plain = run("jvms");
            assertThat(plain.out()).startsWith("PID").contains("USER");
            assertThat(row(plain.out(), open.pid())).contains(" " + System.getProperty("user.name") + " ");
            assertThat(plain.out()).doesNotContain("-Dhoist.test.marker=42");
            Result verbose = run("jvms", "-v");
            String after = verbose.out().substring(verbose.out().indexOf(row(verbose.out(), open.pid())));
            assertThat(after.lines().skip(1).findFirst().orElse("")).contains("-Dhoist.test.marker=42", HotAndAlloc.class.getName());
        } finally {
            if (open != null) open.close();
        }
    }

    private static String row(String table, long pid) {
        return table.lines().filter(l -> l.startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for PID " + pid + " in:\n" + table));
    }
}
