package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;

/**
 * A way to record samples from a running JVM into a JFR file: async-profiler loaded as an agent,
 * or the JDK's own Flight Recorder. Starting returns a session that the caller polls, waits on or
 * stops; a session always stops the profiler in the target, even when the caller gives up.
 */
public interface Sampler {

    /** The name the report shows, e.g. "async-profiler 4.2" or "jfr". */
    String name();

    /**
     * Starts sampling in the target.
     *
     * @throws dev.hoist.core.HoistException with the failure kind (attach refused, sampler failed...)
     */
    SamplingSession start(JvmInfo target, SamplingRequest request);
}
