package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The part every session shares: the clock, a thread that wakes once per checkpoint period to
 * let the sampler put what it has on disk and to notice a dead target or the end of the
 * duration, and a stop that runs exactly once and prefers keeping samples over reporting an error.
 */
abstract class PollingSession implements SamplingSession {
    /** How often samples are put on disk: at most this much is lost if the target dies. */
    static volatile Duration checkpointPeriod = Duration.ofSeconds(1);

    private final JvmInfo target;
    private final SamplingRequest request;
    private final ProcessHandle process;
    private final long startNanos = System.nanoTime();
    protected final List<String> notes = new ArrayList<>();
    private SamplingResult result;
    private RuntimeException failure;
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

    /**
     * Starts the session's own thread, which checkpoints once per period and stops the session
     * when the duration is reached or the target exits; so a caller that only polls progress and
     * calls stop (a CLI with a Ctrl-C hook, the window) gets the same crash safety as one that waits.
     */
    final void begin() {
        Thread t = new Thread(this::drive, "hoist-sampling-" + target.pid());
        t.setDaemon(true);
        t.start();
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the caller's own stop is all there is
        }
    }

    /** Stops the profiler in the target and writes the file if Hoist exits (Ctrl-C) mid-run. */
    private final Thread shutdownHook = new Thread(() -> {
        try {
            stop();
        } catch (RuntimeException e) {
            // exiting anyway; nothing better to do with it
        }
    }, "hoist-sampling-stop");

    private void drive() {
        try {
            while (true) {
                synchronized (this) {
                    if (result != null) {
                        return;
                    }
                    long waitMs = Math.min(remaining().toMillis(), checkpointPeriod().toMillis());
                    if (waitMs > 0) {
                        wait(waitMs);
                    }
                    if (result != null) {
                        return;
                    }
                    if (!targetAlive() || remaining().isZero()) {
                        break;
                    }
                    // under the lock, so a concurrent stop never interleaves with a checkpoint
                    try {
                        checkpoint();
                    } catch (RuntimeException e) {
                        // a JVM on its way out stops the sampler before it is gone ("Profiler has not
                        // started"): a failure followed by the exit is the exit, not a sampler failure
                        if (!exitsWithin(target().pid(), Duration.ofSeconds(2))) {
                            throw e;
                        }
                    }
                }
            }
            stop();
        } catch (InterruptedException e) {
            stop();
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = e;
            }
            try {
                stop();
            } catch (RuntimeException ignored) {
                // the first failure is the one to report
            }
        }
    }

    @Override
    public SamplingResult awaitResult() throws InterruptedException {
        synchronized (this) {
            while (result == null && failure == null) {
                wait(checkpointPeriod.toMillis());
                if (result == null && failure == null && !targetAlive()) {
                    break;
                }
            }
            if (failure != null) {
                throw failure instanceof HoistException h ? h
                        : new HoistException(Failure.SAMPLER_FAILED, "sampling JVM " + target.pid() + " failed: "
                        + failure.getMessage(), failure);
            }
        }
        return stop();
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
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // in shutdown: the hook may be running and finds the session stopped
                }
            }
        }
    }

    private SamplingResult failed(RuntimeException e) {
        return new SamplingResult(samplerName(), "none", request.events(), null, ranFor, false,
                List.of("stop failed: " + e.getMessage()));
    }

    /**
     * Whether the process is gone or goes within the grace period: a connection that breaks
     * mid-command is usually a JVM in its shutdown, still alive for a moment.
     */
    static boolean exitsWithin(long pid, Duration grace) {
        ProcessHandle h = ProcessHandle.of(pid).orElse(null);
        if (h == null || !h.isAlive()) {
            return true;
        }
        try {
            h.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    /** How often this sampler puts its samples on disk; the shared period unless a sampler needs longer. */
    protected Duration checkpointPeriod() {
        return checkpointPeriod;
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
