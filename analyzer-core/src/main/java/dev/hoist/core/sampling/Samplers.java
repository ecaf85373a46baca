package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;

import java.util.List;
import java.util.function.Supplier;

/**
 * Picks the sampler: async-profiler unless the user asked for JFR, falling back to JFR only when
 * async-profiler cannot run at all ({@link AgentUnavailableException}); the session's result
 * then carries a note saying why. Other async-profiler failures are reported as they are.
 */
public final class Samplers {

    /** The user's choice ({@code --sampler auto|async-profiler|jfr}). */
    public enum Choice { AUTO, ASYNC_PROFILER, JFR }

    private Samplers() {}

    /** Starts the chosen sampler in the target; see the class comment for the fallback rule. */
    public static SamplingSession start(JvmInfo target, SamplingRequest request, Choice choice) {
        return start(target, request, choice, AsyncProfilerSampler::new);
    }

    static SamplingSession start(JvmInfo target, SamplingRequest request, Choice choice, Supplier<Sampler> primary) {
        return switch (choice) {
            case JFR -> new JfrSampler().start(target, request);
            case ASYNC_PROFILER -> primary.get().start(target, request);
            case AUTO -> {
                try {
                    yield primary.get().start(target, request);
                } catch (AgentUnavailableException e) {
                    yield new FallbackSession(new JfrSampler().start(target, request),
                            List.of("async-profiler could not run (" + e.getMessage() + "); used JDK Flight Recorder"));
                }
            }
        };
    }
}
