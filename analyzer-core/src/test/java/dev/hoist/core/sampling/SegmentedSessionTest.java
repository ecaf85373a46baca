package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Probe;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.LiveRecording;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pause, resume and an event added mid-session, with each real sampler on the probe: the profiler
 * stops in the target while paused, and what every stretch recorded ends in one recording that a
 * follower read as it grew and any reader reads whole.
 */
class SegmentedSessionTest {

    @ParameterizedTest
    @EnumSource(value = Samplers.Choice.class, names = {"ASYNC_PROFILER", "JFR"})
    void stretchesOfSamplingEndInOneRecording(Samplers.Choice sampler, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("segments.jfr");
        try (ChildJvm child = Probe.child(Probe.launcherJar(dir, "segments-probe")).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SegmentedSession s = SegmentedSession.start(target,
                    SamplingRequest.of(out, Duration.ofDays(365), EnumSet.of(SamplingEvent.CPU)), sampler);
            LiveRecording follow = new LiveRecording(out);
            try {
                Profile first = awaitSamples(s, follow, 1);
                s.pause();
                assertThat(s.paused()).isTrue();
                s.flush();
                follow.poll();
                long atPause = follow.current().sampleCounts().getOrDefault(EventKind.CPU, 0L);
                assertThat(atPause).isGreaterThanOrEqualTo(first.sampleCounts().get(EventKind.CPU));
                Thread.sleep(2_000);
                s.flush();
                follow.poll();
                assertThat(follow.current().sampleCounts().get(EventKind.CPU)).as("nothing sampled while paused")
                        .isEqualTo(atPause);

                s.resume(EnumSet.of(SamplingEvent.CPU, SamplingEvent.ALLOC));
                assertThat(s.request().events()).contains(SamplingEvent.ALLOC);
                Profile later = awaitSamples(s, follow, atPause + 1);
                assertThat(later.sampleCounts().get(EventKind.CPU)).isGreaterThan(atPause);
            } finally {
                s.stop();
            }
            SamplingResult r = s.stop();
            assertThat(r.file()).isEqualTo(out);
            assertThat(r.events()).contains(SamplingEvent.CPU, SamplingEvent.ALLOC);
            assertThat(r.targetExited()).isFalse();
            Profile whole = ProfileReader.read(out);
            assertThat(whole.sampleCounts()).containsKeys(EventKind.CPU, EventKind.ALLOC);
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".part"));
            }
        }
    }

    /** Polls until the recording holds at least {@code cpu} cpu samples. */
    private static Profile awaitSamples(SegmentedSession s, LiveRecording follow, long cpu) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            s.flush();
            follow.poll();
            Profile p = follow.current();
            if (p.sampleCounts().getOrDefault(EventKind.CPU, 0L) >= cpu) {
                return p;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + cpu + " cpu samples in " + follow.file());
    }
}
