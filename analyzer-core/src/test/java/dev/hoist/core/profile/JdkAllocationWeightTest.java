package dev.hoist.core.profile;

import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation bytes of a JDK recording started in a running JVM agree with what the JVM itself
 * counts for the recorded time, although the JDK's first {@code jdk.ObjectAllocationSample} of a
 * thread weighs everything the thread allocated since it started (JDK-8307488 / JDK-8362573).
 */
class JdkAllocationWeightTest {

    @Test
    void aRecordingStartedLateCountsTheBytesAllocatedWhileItRan() throws Exception {
        Path dir = Recorder.scratchDir("hoist-alloc-weight");
        Path recording = dir.resolve("late.jfr");
        Path counted = dir.resolve("late.bytes");
        Path log = dir.resolve("late.log");
        try (ChildJvm child = ChildJvm.java().classpath(Recordings.testClasses()).jvmArgs("-Xmx256m")
                .mainClass(LateRecordingWorkload.class.getName())
                .args(recording.toString(), counted.toString(), "2000").log(log).start()) {
            assertThat(child.waitFor(Duration.ofSeconds(120))).as("workload finished").isTrue();
            assertThat(child.exitValue()).as(Files.readString(log)).isZero();
        }
        long during = Long.parseLong(Files.readString(counted).trim());
        Profile p = ProfileReader.read(recording);
        Allocations a = Allocations.of(p);
        assertThat(a.totalSamples()).isGreaterThan(50);
        // 3 GiB were allocated before the recording: counting them would make the total several times `during`
        assertThat(a.totalBytes()).as("bytes sampled vs %,d allocated while recording", during)
                .isBetween(during / 2, during * 2);
        assertThat(largestWeight(p)).isLessThan(during / 4);
    }

    private static long largestWeight(Profile p) {
        long max = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) == EventKind.ALLOC) {
                max = Math.max(max, p.weight(i));
            }
        }
        return max;
    }

    @Test
    void everyAllocationSampleCountsOnceFirstOnesIncluded() throws Exception {
        Path file = Recordings.jdkAllocations(false, true);
        long inFile = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                if (rf.readEvent().getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                    inFile++;
                }
            }
        }
        assertThat(Allocations.of(ProfileReader.read(file)).totalSamples()).isEqualTo(inFile);
    }
}
