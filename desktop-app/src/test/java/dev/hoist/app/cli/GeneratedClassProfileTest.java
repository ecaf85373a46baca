package dev.hoist.app.cli;

import dev.hoist.testkit.ChildJvm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist profile} on a JVM whose hot loop is in a class compiled and defined at run time
 * (on no path): with the class-bytes agent the loop gets its advice; with {@code --no-agent} the
 * report says the method's bytes were unavailable.
 */
class GeneratedClassProfileTest {
    static final String WORKLOAD = "dev.hoist.workloads.generated.GeneratedLoop";
    static final String GENERATED = "dev.hoist.workloads.generated.rt.Tally";

    static List<String> adviceFor(JsonNode report, String className) {
        List<String> rules = new ArrayList<>();
        for (JsonNode a : report.path("advice")) {
            if (a.get("class").asText().replace('/', '.').equals(className)) {
                rules.add(a.get("rule").asText() + " in " + a.get("method").asText());
            }
        }
        return rules;
    }

    static List<String> unavailable(JsonNode report) {
        List<String> lines = new ArrayList<>();
        report.at("/adviceInfo/unavailable").forEach(n -> lines.add(n.asText()));
        return lines;
    }

    @Test
    void theAgentReadsTheGeneratedClassSoItsLoopIsAdvisedAndWithoutItTheReportSaysUnavailable(@TempDir Path dir)
            throws Exception {
        try (ChildJvm target = ChildJvm.java().jvmArgs("-Xmx256m").testClasspath().mainClass(WORKLOAD)
                .mergeStderr().readyPrefix("ready").start()) {
            String pid = Long.toString(target.pid());

            MainTest.Result without = MainTest.run("profile", pid, "--duration", "3s", "--event", "cpu",
                    "--recording", dir.resolve("no-agent.jfr").toString(), "--format", "json", "--no-agent");
            assertThat(without.code()).as(without.err()).isZero();
            JsonNode blind = ProfileCommandTest.JSON.readTree(without.out());
            assertThat(adviceFor(blind, GENERATED)).isEmpty();
            assertThat(unavailable(blind)).anySatisfy(l -> assertThat(l).startsWith(GENERATED + ".getAsLong"));

            MainTest.Result with = MainTest.run("profile", pid, "--duration", "3s", "--event", "cpu",
                    "--recording", dir.resolve("agent.jfr").toString(), "--format", "json");
            assertThat(with.code()).as(with.err()).isZero();
            assertThat(with.err()).contains("from JVM " + pid + "'s memory");
            JsonNode seen = ProfileCommandTest.JSON.readTree(with.out());
            assertThat(adviceFor(seen, GENERATED)).as(with.out()).contains("boxing-in-loop in getAsLong");
            assertThat(unavailable(seen)).noneSatisfy(l -> assertThat(l).startsWith(GENERATED + "."));
            assertThat(target.process().isAlive()).as("profiling with the agent leaves the target running").isTrue();
        }
    }

    @Test
    void aTargetThatExitsBeforeTheAgentCanAskSaysSoForTheGeneratedClass(@TempDir Path dir) throws Exception {
        try (ChildJvm target = ChildJvm.java().jvmArgs("-Xmx256m").testClasspath().mainClass(WORKLOAD).args("--seconds", "2")
                .mergeStderr().readyPrefix("ready").start()) {
            // --no-repair: the debug-info repair's settle second would eat most of this 2 s target's life
            MainTest.Result r = MainTest.run("profile", Long.toString(target.pid()), "--duration", "6s", "--event", "cpu",
                    "--recording", dir.resolve("gone.jfr").toString(), "--format", "json", "--no-repair");
            assertThat(r.code()).as(r.err()).isEqualTo(dev.hoist.core.Failure.TARGET_EXITED.exitCode());
            JsonNode report = ProfileCommandTest.JSON.readTree(r.out());
            assertThat(unavailable(report)).anySatisfy(l -> assertThat(l)
                    .startsWith(GENERATED + ".getAsLong").contains("exited before Hoist could read this class"));
        }
    }
}
