package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;

import java.util.List;

/**
 * Picks the sampler: async-profiler unless the user asked for JFR, falling back to JFR only when
 * async-profiler cannot run at all ({@link AgentUnavailableException}); the session's result
 * then carries a note saying why. Other async-profiler failures are reported as they are.
 */
public final class Samplers {

    /** The user's choice ({@code --sampler auto|async-profiler|jfr}). */
    public enum Choice { AUTO, ASYNC_PROFILER, JFR }

    private Samplers() {}

    public static SamplingSession start(JvmInfo target, SamplingRequest request, Choice choice) {
        return switch (choice) {
            case JFR -> new JfrSampler().start(target, request);
            case ASYNC_PROFILER -> new AsyncProfilerSampler().start(target, request);
            case AUTO -> {
                try {
                    yield new AsyncProfilerSampler().start(target, request);
                } catch (AgentUnavailableException e) {
                    yield new FallbackSession(new JfrSampler().start(target, request),
                            List.of("async-profiler could not run (" + e.getMessage() + "); used JDK Flight Recorder"));
                }
            }
        };
    }
}
