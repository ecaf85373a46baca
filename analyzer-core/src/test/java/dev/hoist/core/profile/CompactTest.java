package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live recording's old samples merged per stack: the memory of a long {@code hoist attach} grows
 * with the distinct stacks, while every total and every window since a mark stays what it was.
 */
class CompactTest {
    private static final long S = 1_000_000_000L;

    /** An hour of cpu samples on two stacks and two threads, an allocation sample every second. */
    private static ProfileBuilder hour() {
        ProfileBuilder b = new ProfileBuilder();
        int m = b.method("app/Loop", "run", "()V");
        int n = b.method("app/Loop", "parse", "()V");
        int s1 = b.stack(new int[] {b.frame(m, 10, 3, FrameType.JIT_COMPILED)});
        int s2 = b.stack(new int[] {b.frame(n, 20, 5, FrameType.JIT_COMPILED), b.frame(m, 11, 7, FrameType.JIT_COMPILED)});
        int t1 = b.thread("main", 1);
        int t2 = b.thread("worker", 2);
        int bytes = b.allocClass("byte[]");
        for (long t = 0; t < 3_600 * S; t += 10_000_000L) {
            b.add(EventKind.CPU, t, (t / 10_000_000L) % 2 == 0 ? t1 : t2, (t / S) % 3 == 0 ? s2 : s1, 1, -1);
            if (t % S == 0) {
                b.add(EventKind.ALLOC, t, t1, s2, 512 * 1024 + t / S, bytes);
            }
        }
        return b;
    }

    @Test
    void mergedOldSamplesKeepEveryTotalAndEveryWindowSinceAMark() {
        ProfileBuilder b = hour();
        ProfileInfo info = new ProfileInfo(null, SamplerKind.ASYNC_PROFILER, "cpu", 0, 3_600 * S, java.util.List.of());
        Profile before = b.snapshot(info);
        long reset = 1_800 * S;
        Map<EventKind, Long> all = before.sampleCounts();
        Map<EventKind, Long> sinceReset = before.since(reset).sampleCounts();
        Map<EventKind, Long> last10 = before.since(3_590 * S).sampleCounts();
        long allocBytes = bytes(before.since(reset));

        int dropped = b.compact(3_540 * S, new long[] {reset});
        Profile after = b.snapshot(info);

        assertThat(before.size()).isEqualTo(363_600);
        assertThat(after.size()).as("an hour of samples in the rows of a minute, plus a few per stack")
                .isLessThan(6_100);
        assertThat(dropped).isEqualTo(before.size() - after.size());
        assertThat(after.sampleCounts()).isEqualTo(all);
        assertThat(after.since(reset).sampleCounts()).isEqualTo(sinceReset);
        assertThat(bytes(after.since(reset))).isEqualTo(allocBytes);
        assertThat(after.since(3_590 * S).sampleCounts()).as("the last seconds untouched").isEqualTo(last10);
        assertThat(before.size()).as("a snapshot taken before keeps its samples").isEqualTo(363_600);
        assertThat(before.sampleCounts()).isEqualTo(all);

        // merging again (the next round) merges the merged rows with the newly old ones
        for (long t = 3_600 * S; t < 3_660 * S; t += 10_000_000L) {
            b.add(EventKind.CPU, t, 0, 0, 1, -1);
        }
        b.compact(3_650 * S, new long[] {reset});
        Profile again = b.snapshot(info);
        assertThat(again.sampleCounts().get(EventKind.CPU)).isEqualTo(all.get(EventKind.CPU) + 6_000);
        assertThat(again.size()).isLessThan(after.size());
    }

    @org.junit.jupiter.api.Test
    void aFollowedRecordingMergedMidWayHasTheWholeFilesTotals() throws Exception {
        for (java.nio.file.Path rec : java.util.List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            Profile whole = ProfileReader.read(rec);
            LiveRecording live = new LiveRecording(rec);
            live.poll();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < whole.size(); i++) {
                first = Math.min(first, whole.timeNanos(i));
                last = Math.max(last, whole.timeNanos(i));
            }
            long mid = first + (last - first) / 2;
            Profile merged = live.compact(mid, new long[0]);
            assertThat(live.compacted()).isTrue();
            assertThat(merged.size()).as(rec + ": fewer rows").isLessThan(whole.size());
            assertThat(merged.sampleCounts()).as(rec.toString()).isEqualTo(whole.sampleCounts());
            assertThat(merged.since(mid).sampleCounts()).isEqualTo(whole.since(mid).sampleCounts());
            assertThat(bytes(merged)).isEqualTo(bytes(whole));
        }
    }

    private static long bytes(Profile p) {
        long sum = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) == EventKind.ALLOC) {
                sum += p.weight(i);
            }
        }
        return sum;
    }
}
