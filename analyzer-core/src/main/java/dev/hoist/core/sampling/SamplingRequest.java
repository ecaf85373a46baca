package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to sample and for how long: the events, their intervals, the duration and the JFR file to
 * write. Defaults ({@link #of}) are the ones whose overhead was measured: cpu every 10 ms of CPU
 * time, wall every 20 ms, an allocation sample every 512 KiB, locks contended for 10 us or more.
 *
 * @param events        one or more events, recorded together in one file
 * @param cpuInterval   CPU time between cpu samples
 * @param wallInterval  wall time between wall-clock samples
 * @param allocBytes    bytes allocated between allocation samples (async-profiler; JFR throttles by rate)
 * @param lockThreshold minimum contention time of a sampled lock
 * @param duration      how long to sample unless stopped early
 * @param output        the JFR file to write (its parent is created)
 * @param takeOver      stop an async-profiler already running in the target instead of refusing
 */
public record SamplingRequest(Set<SamplingEvent> events, Duration cpuInterval, Duration wallInterval,
                              long allocBytes, Duration lockThreshold, Duration duration, Path output,
                              boolean takeOver) {

    public static final Duration DEFAULT_CPU_INTERVAL = Duration.ofMillis(10);
    public static final Duration DEFAULT_WALL_INTERVAL = Duration.ofMillis(20);
    public static final long DEFAULT_ALLOC_BYTES = 512 * 1024;
    public static final Duration DEFAULT_LOCK_THRESHOLD = Duration.ofNanos(10_000);

    public SamplingRequest {
        if (events == null || events.isEmpty()) {
            throw new HoistException(Failure.USAGE, "no events to sample; pick one or more of cpu, wall, alloc, lock");
        }
        events = Set.copyOf(EnumSet.copyOf(events));
        positive(cpuInterval, "cpu interval");
        positive(wallInterval, "wall interval");
        positive(duration, "duration");
        if (lockThreshold == null || lockThreshold.isNegative()) {
            throw new HoistException(Failure.USAGE, "the lock threshold must be zero or more");
        }
        if (allocBytes <= 0) {
            throw new HoistException(Failure.USAGE, "the allocation interval must be at least 1 byte");
        }
        if (output == null) {
            throw new HoistException(Failure.USAGE, "no output file given for the recording");
        }
        output = output.toAbsolutePath().normalize();
        if (output.toString().indexOf(',') >= 0) {
            // async-profiler's agent options are comma-separated, so a comma would cut the path
            throw new HoistException(Failure.USAGE, "the recording path must not contain a comma: " + output);
        }
    }

    /** A request with the default intervals. */
    public static SamplingRequest of(Path output, Duration duration, Set<SamplingEvent> events) {
        return new SamplingRequest(events, DEFAULT_CPU_INTERVAL, DEFAULT_WALL_INTERVAL, DEFAULT_ALLOC_BYTES,
                DEFAULT_LOCK_THRESHOLD, duration, output, false);
    }

    public SamplingRequest withCpuInterval(Duration d) {
        return new SamplingRequest(events, d, wallInterval, allocBytes, lockThreshold, duration, output, takeOver);
    }

    public SamplingRequest withWallInterval(Duration d) {
        return new SamplingRequest(events, cpuInterval, d, allocBytes, lockThreshold, duration, output, takeOver);
    }

    public SamplingRequest withAllocBytes(long bytes) {
        return new SamplingRequest(events, cpuInterval, wallInterval, bytes, lockThreshold, duration, output, takeOver);
    }

    public SamplingRequest withTakeOver(boolean t) {
        return new SamplingRequest(events, cpuInterval, wallInterval, allocBytes, lockThreshold, duration, output, t);
    }

    public SamplingRequest withEvents(Set<SamplingEvent> e) {
        return new SamplingRequest(e, cpuInterval, wallInterval, allocBytes, lockThreshold, duration, output, takeOver);
    }

    public SamplingRequest withOutput(Path file) {
        return new SamplingRequest(events, cpuInterval, wallInterval, allocBytes, lockThreshold, duration, file, takeOver);
    }

    public SamplingRequest withDuration(Duration d) {
        return new SamplingRequest(events, cpuInterval, wallInterval, allocBytes, lockThreshold, d, output, takeOver);
    }

    public boolean has(SamplingEvent e) {
        return events.contains(e);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new HoistException(Failure.USAGE, "the " + what + " must be positive");
        }
    }
}
