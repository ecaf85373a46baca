package dev.hoist.core.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * What a recording says about itself: where it came from, which sampler wrote it, the cpu engine
 * async-profiler used ("perf_events", "itimer", ...; null when not recorded), when it started and
 * how long it ran (epoch nanoseconds and nanoseconds; -1 when unknown, as in collapsed stacks),
 * and warnings about what could not be read (a truncated tail, for instance).
 */
public record ProfileInfo(Path file, SamplerKind sampler, String engine, long startEpochNanos, long durationNanos,
                          List<String> warnings) {

    public ProfileInfo {
        warnings = List.copyOf(warnings);
    }
}
