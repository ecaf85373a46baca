package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The part every session shares: the clock, the wait loop that wakes once per checkpoint period
 * to let the sampler put what it has on disk and to notice a dead target, and a stop that runs
 * exactly once and prefers keeping samples over reporting an error.
 */
abstract class PollingSession implements SamplingSession {
    static final Duration CHECKPOINT_PERIOD = Duration.ofSeconds(1);

    private final JvmInfo target;
    private final SamplingRequest request;
    private final ProcessHandle process;
    private final long startNanos = System.nanoTime();
    protected final List<String> notes = new ArrayList<>();
    private SamplingResult result;
    private Duration ranFor;

    PollingSession(JvmInfo target, SamplingRequest request, List<String> notes) {
        this.target = target;
        this.request = request;
        this.process = ProcessHandle.of(target.pid()).orElse(null);
        this.notes.addAll(notes);
    }

    @Override
    public JvmInfo target() {
        return target;
    }

    @Override
    public SamplingRequest request() {
        return request;
    }

    @Override
    public Duration elapsed() {
        Duration fixed = ranFor;
        return fixed != null ? fixed : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public Duration remaining() {
        Duration left = request.duration().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public boolean targetAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public SamplingResult awaitResult() throws InterruptedException {
        try {
            while (!isStopped() && targetAlive() && !remaining().isZero()) {
                long waitMs = Math.min(remaining().toMillis(), CHECKPOINT_PERIOD.toMillis());
                synchronized (this) {
                    if (result == null && waitMs > 0) {
                        wait(waitMs);
                    }
                }
                // under the lock, so a concurrent stop never sees a half-written checkpoint
                synchronized (this) {
                    if (result == null && targetAlive() && !remaining().isZero()) {
                        try {
                            checkpoint();
                        } catch (RuntimeException e) {
                            if (targetAlive()) {
                                throw e;
                            }
                        }
                    }
                }
            }
        } finally {
            // whatever happened (interrupt, error), the profiler must not keep running in the target
            stop();
        }
        return stop();
    }

    private synchronized boolean isStopped() {
        return result != null;
    }

    @Override
    public synchronized SamplingResult stop() {
        if (result != null) {
            return result;
        }
        ranFor = Duration.ofNanos(System.nanoTime() - startNanos);
        try {
            if (!targetAlive()) {
                result = afterExit(ranFor);
            } else {
                try {
                    result = stopInTarget(ranFor);
                } catch (RuntimeException e) {
                    if (targetAlive()) {
                        result = failed(e);
                        throw e instanceof HoistException h ? h
                                : new HoistException(Failure.SAMPLER_FAILED, "stopping the sampler in JVM "
                                + target.pid() + " failed: " + e.getMessage(), e);
                    }
                    result = afterExit(ranFor);
                }
            }
            return result;
        } finally {
            release();
            notifyAll();
        }
    }

    private SamplingResult failed(RuntimeException e) {
        return new SamplingResult(samplerName(), "none", request.events(), null, ranFor, false,
                List.of("stop failed: " + e.getMessage()));
    }

    /** Puts what was sampled so far on disk, so it survives the target; called once per period. */
    protected abstract void checkpoint();

    /** Stops the profiler in the live target and completes the recording. */
    protected abstract SamplingResult stopInTarget(Duration ranFor);

    /** Builds the result from what reached disk before the target exited. */
    protected abstract SamplingResult afterExit(Duration ranFor);

    /** Releases connections to the target; called once after stop. */
    protected abstract void release();

    protected abstract String samplerName();
}
