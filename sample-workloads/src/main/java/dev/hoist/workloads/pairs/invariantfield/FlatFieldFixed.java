package dev.hoist.workloads.pairs.invariantfield;

import dev.hoist.workloads.Runner;

/**
 * Flat-field correction of camera frames, as a microscope or astronomy capture tool runs on
 * every frame; the hot-pixel threshold is tuned live from the UI, hence volatile.
 * The fixed twin of {@link FlatField}. Fix: the loop-invariant field {@code gains} is read once
 * into a local before the loop, so the volatile threshold read no longer forces a reload.
 */
public final class FlatFieldFixed {

    private long[] gains;
    private volatile long hotThreshold;

    public FlatFieldFixed(long[] gains, long hotThreshold) {
        this.gains = gains;
        this.hotThreshold = hotThreshold;
    }

    /** Installs a new calibration, for frames of the same size. */
    public void recalibrate(long[] gains) {
        this.gains = gains;
    }

    /** Called from the UI thread while frames are being corrected. */
    public void setHotThreshold(long hotThreshold) {
        this.hotThreshold = hotThreshold;
    }

    /** Corrects {@code frame} (one reading per gain) and sums up the result. */
    public Sensor.FrameStats correct(int[] frame) {
        long[] gains = this.gains;
        long brightness = 0;
        int hot = 0;
        for (int i = 0; i < frame.length; i++) {
            long corrected = (frame[i] * gains[i]) >> 16;
            brightness += corrected;
            if (corrected > hotThreshold) {
                hot++;
            }
        }
        return new Sensor.FrameStats(brightness, hot);
    }

    public static void main(String[] args) {
        int[] frame = Sensor.frame(42, 1 << 20);
        FlatFieldFixed flatField = new FlatFieldFixed(Sensor.gains(7, 1 << 20), 4000);
        Runner.runPasses(args, "FlatFieldFixed", () -> flatField.correct(frame).hotPixels());
    }
}
