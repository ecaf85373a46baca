package dev.hoist.core.sampling;

import java.time.Duration;

/** Lets benchmarks in other packages change how often sessions checkpoint, as {@link OverheadBench} does. */
public final class CheckpointAccess {
    private CheckpointAccess() {
    }

    public static void setPeriod(Duration period) {
        PollingSession.checkpointPeriod = period;
    }
}
