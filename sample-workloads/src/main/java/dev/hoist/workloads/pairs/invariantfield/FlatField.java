package dev.hoist.workloads.pairs.invariantfield;

import dev.hoist.workloads.Runner;

/**
 * Flat-field correction of camera frames, as a microscope or astronomy capture tool runs on
 * every frame; the hot-pixel threshold is tuned live from the UI, hence volatile.
 * Anti-pattern: the loop reads the field {@code gains} on every pixel; the volatile threshold
 * read in the same loop forbids the JIT from keeping it in a register, so the array reference
 * and its length are reloaded and bounds-checked per pixel. Twin: {@link FlatFieldFixed}.
 */
public final class FlatField {

    private long[] gains;
    private volatile long hotThreshold;

    public FlatField(long[] gains, long hotThreshold) {
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
        FlatField flatField = new FlatField(Sensor.gains(7, 1 << 20), 4000);
        Runner.runPasses(args, "FlatField", () -> flatField.correct(frame).hotPixels());
    }
}
