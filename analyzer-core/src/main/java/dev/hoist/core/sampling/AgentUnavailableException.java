package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

/**
 * async-profiler cannot run here at all (no build for this platform, the library does not load
 * in the target): the one failure after which {@link Samplers} falls back to Flight Recorder.
 * Other async-profiler failures (already running, bad options) are reported, not papered over.
 */
public class AgentUnavailableException extends HoistException {
    public AgentUnavailableException(String message) {
        super(Failure.SAMPLER_FAILED, message);
    }

    public AgentUnavailableException(String message, Throwable cause) {
        super(Failure.SAMPLER_FAILED, message, cause);
    }
}
