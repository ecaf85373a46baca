package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path recording;

    /** A real JDK Flight Recorder recording of a child JVM. */
    @BeforeAll
    static void record() throws Exception {
        recording = tmp.resolve("workload.jfr");
        Path classes = ChildJvm.codeSourceOf(ReportWorkload.class);
        try (ChildJvm p = ChildJvm.java().jvmArgs(Recorder.flightRecorder("profile", recording)).classpath(classes)
                .mainClass(ReportWorkload.class).args("2000").log(tmp.resolve("workload.log")).start()) {
            assertThat(p.waitFor(Duration.ofSeconds(60))).isTrue();
            assertThat(p.exitValue()).isZero();
        }
    }

    @Test
    void textReportOfARecording() {
        MainTest.Result r = MainTest.run("report", recording.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Hoist profile: " + recording, "Sampler: jdk-jfr", "Hot methods (cpu");
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.contains("self%")).findFirst().orElseThrow());
        assertThat(lines.get(header + 1)).endsWith(ReportWorkload.class.getName() + ".spin(int)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonReportOfCollapsedStacks() throws Exception {
        Path stacks = Files.writeString(tmp.resolve("stacks.txt"), "main;a.B.c_[j];a.B.d_[i] 7\nmain;a.B.c_[j] 3\n");
        MainTest.Result r = MainTest.run("report", stacks.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("hoist.profile/1");
        assertThat(root.get("sampler").asText()).isEqualTo("collapsed");
        // collapsed stacks carry no bytecode index: the advisor says it cannot place samples in loops
        assertThat(root.get("advice")).isEmpty();
        assertThat(root.get("adviceInfo").get("unavailable").get(0).asText()).contains("no bytecode indexes");
        JsonNode first = root.get("hotMethods").get("methods").get(0);
        assertThat(first.get("method").asText()).isEqualTo("a.B.d");
        assertThat(first.get("selfPercent").asDouble()).isEqualTo(70.0);
    }

    @Test
    void badFilesExitWithBadInputAndOneLine() throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        Path truncated = Files.write(tmp.resolve("truncated.jfr"), Arrays.copyOf(bytes, bytes.length / 2));
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        Path malformed = Files.writeString(tmp.resolve("bad.txt"), "a;b 1\na;b;c x\n");
        for (Path f : List.of(tmp.resolve("missing.jfr"), truncated, empty, malformed)) {
            MainTest.Result r = MainTest.run("report", f.toString());
            assertThat(r.code()).as(f.toString()).isEqualTo(Failure.BAD_INPUT.exitCode());
            assertThat(r.err().lines().toList()).as(r.err()).singleElement().asString().startsWith("hoist: " + f + ": ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void unknownEventKindIsAUsageError() {
        MainTest.Result r = MainTest.run("report", recording.toString(), "--event", "bogus");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("bogus");
    }
}
