package dev.hoist.app.cli;

import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What to sample and how often, as asprof spells it ({@code -e}, {@code -i}, {@code --alloc-interval}):
 * the options every sampling command takes (profile, attach, demo through {@link SamplingOptions},
 * and run), and the request they make.
 */
final class SamplingRates {
    @Option(names = {"-e", "--event"}, split = ",", paramLabel = "<event>",
            description = "What to sample: cpu, wall, alloc, lock; repeat or comma-separate for several (default: cpu,alloc).")
    List<SamplingEvent> events = List.of();

    @Option(names = {"-i", "--interval"}, converter = Durations.class, paramLabel = "<time>",
            description = "Time between cpu samples (and wall samples, which default to 20ms) (default: 10ms).")
    Duration interval;

    @Option(names = "--alloc-interval", converter = Durations.Bytes.class, paramLabel = "<bytes>",
            description = "Bytes allocated between allocation samples, async-profiler only (default: 512k).")
    Long allocInterval;

    /** A request for {@code file} and {@code duration} with these events (cpu and alloc when none) and intervals. */
    SamplingRequest request(Path file, Duration duration) {
        EnumSet<SamplingEvent> set = events.isEmpty() ? EnumSet.of(SamplingEvent.CPU, SamplingEvent.ALLOC) : EnumSet.copyOf(events);
        SamplingRequest request = SamplingRequest.of(file, duration, set);
        if (interval != null) {
            request = request.withCpuInterval(interval);
            if (interval.compareTo(SamplingRequest.DEFAULT_WALL_INTERVAL) > 0) {
                request = request.withWallInterval(interval);
            }
        }
        return allocInterval != null ? request.withAllocBytes(allocInterval) : request;
    }
}
