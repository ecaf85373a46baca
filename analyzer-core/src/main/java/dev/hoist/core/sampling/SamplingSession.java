package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;

import java.time.Duration;

/**
 * A sampling run in progress. Callers show progress with {@link #elapsed} and {@link #remaining},
 * wait with {@link #awaitResult}, or end it early with {@link #stop} (from a Ctrl-C shutdown hook,
 * say); stop is idempotent and thread safe and always returns the same result. If the target
 * exits, the session keeps what reached disk and reports {@link SamplingResult#targetExited()}.
 */
public interface SamplingSession extends AutoCloseable {

    JvmInfo target();

    SamplingRequest request();

    /**
     * The file the target writes while sampling runs, to follow as it grows: the request's output,
     * except when the target runs as another user and writes into a folder handed to it (the
     * result's file is then the request's output, copied there at the end).
     */
    default java.nio.file.Path liveFile() {
        return request().output();
    }

    Duration elapsed();

    /** Time left of the requested duration, zero once reached. */
    Duration remaining();

    boolean targetAlive();

    /** Blocks until the duration has passed, the target exited or {@link #stop} was called; then stops. */
    SamplingResult awaitResult() throws InterruptedException;

    /** Stops sampling now and writes the recording. */
    SamplingResult stop();

    @Override
    default void close() {
        stop();
    }
}
