package dev.hoist.core.profile;

import dev.hoist.core.jvm.Targets;
import dev.hoist.core.sampling.CheckpointAccess;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.Samplers;
import dev.hoist.testkit.ChildJvm;
import one.jfr.JfrReader;

import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Live-reading benchmark (a timed command, not a unit test): what one {@link LiveRecording#poll}
 * costs when a second of new data has arrived, on a recording that already holds about a million
 * samples. It grows a copy of a recording chunk by chunk, as the samplers' checkpoints do, and
 * times each poll and the memory it allocates; then times a snapshot of the full profile that
 * shares the builder's arrays against a {@link ProfileBuilder#build} that copies them.
 * docs/profile-reading-benchmark.md has the commands.
 *
 * <ul>
 * <li>{@code record <out.jfr> <seconds> [jfr [checkpoint seconds]]}: samples {@link ProfileWorkload}
 * in a child JVM with the real async-profiler sampler (cpu every 100 us, allocations), or with
 * {@code jfr} the JDK's Flight Recorder at the defaults (cpu every 10 ms, allocations at 300/s),
 * checkpointed every second (or as given), so the file has one chunk per checkpoint.</li>
 * <li>{@code <in.jfr> [chunks appended one by one, default 10] [rounds, default 5]}: the measurement.</li>
 * </ul>
 */
public final class LiveBenchmark {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("record")) {
            if (args.length > 4) {
                CheckpointAccess.setPeriod(Duration.ofSeconds(Long.parseLong(args[4])));
            }
            record(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 && args[3].equals("jfr"));
            return;
        }
        Path in = Path.of(args[0]);
        int tail = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<JfrFraming.Chunk> chunks = JfrFraming.check(in).chunkList();
        System.out.printf(Locale.ROOT, "file %s, %d bytes, %d chunks; appending the last %d one at a time%n",
                in, Files.size(in), chunks.size(), tail);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path grow = Files.createTempFile("hoist-live-bench-", ".jfr");
        try (FileChannel source = FileChannel.open(in, StandardOpenOption.READ)) {
            for (int round = 1; round <= rounds; round++) {
                int first = chunks.size() - tail;
                JdkRecordingReader.copy(source, grow, new long[] {0, chunks.get(first).start()});
                LiveRecording live = new LiveRecording(grow);
                long t0 = System.nanoTime();
                Profile caughtUp = live.poll().orElseThrow();
                long t1 = System.nanoTime();
                List<Double> millis = new ArrayList<>();
                List<Long> allocated = new ArrayList<>();
                int added = 0;
                try (FileChannel out = FileChannel.open(grow, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    for (int c = first; c < chunks.size(); c++) {
                        JfrFraming.Chunk chunk = chunks.get(c);
                        for (long at = chunk.start(); at < chunk.end(); ) {
                            at += source.transferTo(at, chunk.end() - at, out);
                        }
                        int before = live.current().size();
                        long a0 = threads.getCurrentThreadAllocatedBytes();
                        long p0 = System.nanoTime();
                        Profile p = live.poll().orElseThrow();
                        long p1 = System.nanoTime();
                        allocated.add(threads.getCurrentThreadAllocatedBytes() - a0);
                        millis.add((p1 - p0) / 1e6);
                        added += p.size() - before;
                    }
                }
                long e0 = System.nanoTime();
                boolean nothing = live.poll().isEmpty();
                long e1 = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d: caught up with %d samples in %.0f ms; then %d polls of one chunk"
                                + " (%d samples each on average): median %.1f ms, min %.1f, max %.1f, allocating median %.1f MB;"
                                + " a poll with nothing new %.2f ms (%s); final profile %d samples%n",
                        round, caughtUp.size(), (t1 - t0) / 1e6, tail, added / tail, median(millis), Collections.min(millis),
                        Collections.max(millis), median(allocated.stream().map(b -> b / 1e6).toList()), (e1 - e0) / 1e6,
                        nothing ? "empty" : "NOT EMPTY", live.current().size());
            }
        } finally {
            Files.deleteIfExists(grow);
        }
        if (ProfileReader.read(in).info().sampler() == SamplerKind.ASYNC_PROFILER) {
            snapshotAgainstCopy(in, threads);
        }
    }

    /** The same full builder handed out 20 times each way: shared arrays, or copied ones. */
    private static void snapshotAgainstCopy(Path in, com.sun.management.ThreadMXBean threads) throws Exception {
        ProfileBuilder b = new ProfileBuilder();
        AsyncProfilerChunks reading = new AsyncProfilerChunks(in, b);
        try (JfrReader reader = new JfrReader(in.toString())) {
            reading.read(reader, 0, JfrFraming.check(in).chunkList(), null);
        }
        ProfileInfo info = reading.info(List.of());
        Profile full = b.snapshot(info);
        for (String way : List.of("snapshot (shared arrays)", "build (copied arrays)", "snapshot (shared arrays)", "build (copied arrays)")) {
            List<Double> millis = new ArrayList<>();
            long allocated = 0;
            for (int i = 0; i < 20; i++) {
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                Profile p = way.startsWith("snapshot") ? b.snapshot(info) : b.build(info);
                millis.add((System.nanoTime() - t0) / 1e6);
                allocated += threads.getCurrentThreadAllocatedBytes() - a0;
                if (p.size() != b.size()) {
                    throw new IllegalStateException("lost samples");
                }
            }
            System.out.printf(Locale.ROOT, "%s of %d samples (%d methods, %d frames, %d stacks): median %.2f ms, min %.2f,"
                            + " max %.2f, allocating %.2f MB each%n", way, full.size(), full.methods().size(), full.frameCount(),
                    full.stackCount(), median(millis), Collections.min(millis), Collections.max(millis), allocated / 20 / 1e6);
        }
    }

    private static void record(Path out, int seconds, boolean jfr) throws Exception {
        try (ChildJvm p = ChildJvm.java().classpath(Recordings.testClasses()).mainClass(ProfileWorkload.class)
                .args(Long.toString((seconds + 10) * 1000L)).inheritIO().start()) {
            Thread.sleep(1_000);
            SamplingRequest request = SamplingRequest.of(out, Duration.ofSeconds(seconds), EnumSet.of(SamplingEvent.CPU, SamplingEvent.ALLOC));
            if (!jfr) {
                request = request.withCpuInterval(Duration.ofNanos(100_000));
            }
            Samplers.start(Targets.resolvePid(p.pid()), request, jfr ? Samplers.Choice.JFR : Samplers.Choice.ASYNC_PROFILER).awaitResult();
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
