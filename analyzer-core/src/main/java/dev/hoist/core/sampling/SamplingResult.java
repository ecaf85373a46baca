package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a sampling session produced, for the report header: which sampler ran and with which cpu
 * engine, the events, where the recording is, how long it ran, and whether the target exited
 * early (then {@code file} holds what was sampled until then, or is null when nothing was).
 *
 * @param sampler      "async-profiler 4.2" or "jfr"
 * @param engine       the cpu engine: perf_events, ctimer, itimer (async-profiler), jfr, or none
 * @param events       the events recorded
 * @param file         the JFR recording, null when the target exited before anything was written
 * @param duration     how long sampling ran
 * @param targetExited whether the target exited before sampling was stopped
 * @param notes        why a fallback happened, warnings from the agent; never null
 */
public record SamplingResult(String sampler, String engine, Set<SamplingEvent> events, Path file,
                             Duration duration, boolean targetExited, List<String> notes) {

    public SamplingResult {
        events = Set.copyOf(events);
        notes = List.copyOf(notes);
    }

    /**
     * The error to exit with after the kept samples were reported, when the target exited early.
     */
    public HoistException exitFailure(long pid) {
        String kept = file == null ? "nothing was recorded before it exited"
                : "the samples taken so far are in " + file;
        return new HoistException(Failure.TARGET_EXITED, "JVM " + pid + " exited after " + duration.toMillis()
                + " ms of sampling; " + kept);
    }
}
