package dev.hoist.workloads.pairs.invariantfield;

import java.util.SplittableRandom;

/**
 * Deterministic camera sensor data shared by the flat-field twins: raw frames and the per-pixel
 * gains of a flat-field calibration (16.16 fixed point, around 1.0).
 */
public final class Sensor {

    private Sensor() {
    }

    /** A raw frame of {@code pixels} 12-bit readings. */
    public static int[] frame(long seed, int pixels) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] frame = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            frame[i] = random.nextInt(10) == 0 ? 3500 + random.nextInt(596) : 400 + random.nextInt(2000);
        }
        return frame;
    }

    /** Per-pixel gains between 0.9 and 1.1 in 16.16 fixed point. */
    public static long[] gains(long seed, int pixels) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] gains = new long[pixels];
        for (int i = 0; i < pixels; i++) {
            gains[i] = (long) (58_982 + random.nextInt(13_108));
        }
        return gains;
    }

    /** What one corrected frame looked like: summed brightness and pixels over the hot threshold. */
    public record FrameStats(long brightness, int hotPixels) {
    }
}
