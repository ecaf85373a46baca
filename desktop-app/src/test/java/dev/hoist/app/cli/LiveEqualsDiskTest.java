package dev.hoist.app.cli;

import dev.hoist.testkit.ChildJvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice {@code hoist profile} prints live equals the advice {@code hoist report} gives for
 * the same recording read from disk with the target's class path.
 */
class LiveEqualsDiskTest {

    @Test
    void adviceFromARecordingOnDiskEqualsTheAdvicePrintedLive(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("boxing.jfr");
        ObjectMapper json = new ObjectMapper();
        try (ChildJvm target = ChildJvm.java().testClasspath().mainClass("dev.hoist.workloads.pairs.boxing.TrafficStats")
                .mergeStderr().readyPrefix("TrafficStats:").start()) {
            MainTest.Result live = MainTest.run("profile", Long.toString(target.pid()), "--duration", "3s",
                    "--event", "cpu,alloc", "--recording", jfr.toString(), "--format", "json");
            assertThat(live.code()).as(live.err()).isZero();
            JsonNode liveAdvice = json.readTree(live.out()).get("advice");
            assertThat(liveAdvice).as("live advice").isNotNull().isNotEmpty();
            assertThat(liveAdvice.toString()).contains("boxing-in-loop").contains("TrafficStats");

            MainTest.Result disk = MainTest.run("report", jfr.toString(), "--classpath", System.getProperty("java.class.path"),
                    "--format", "json");
            assertThat(disk.code()).as(disk.err()).isZero();
            assertThat(json.readTree(disk.out()).get("advice")).isEqualTo(liveAdvice);
        }
    }
}
