package dev.hoist.workloads.pairs.invariantfield;

import dev.hoist.workloads.Runner;

/**
 * A luminance histogram of an image that a UI can cancel mid-way: the fixed twin of
 * {@link ImageHistogram}. Fix: the loop-invariant fields {@code bins} and {@code shift} are read
 * once into locals before the loop, so the volatile cancel check no longer forces a reload.
 */
public final class ImageHistogramFixed {

    private int[] bins;
    private int shift;
    private volatile boolean cancelled;

    public ImageHistogramFixed(int binCount) {
        resize(binCount);
    }

    /** Changes the number of bins (a power of two from 1 to 256) and clears the counts. */
    public void resize(int binCount) {
        if (binCount < 1 || binCount > 256 || Integer.bitCount(binCount) != 1) {
            throw new IllegalArgumentException("bin count must be a power of two in 1..256: " + binCount);
        }
        bins = new int[binCount];
        shift = 8 - Integer.numberOfTrailingZeros(binCount);
    }

    /** Asks a running {@link #add} to stop at the next pixel. */
    public void cancel() {
        cancelled = true;
    }

    /** Counts the luminance of each pixel into its bin and returns the bins. */
    public int[] add(int[] pixels) {
        int[] bins = this.bins;
        int shift = this.shift;
        for (int i = 0; i < pixels.length; i++) {
            if (cancelled) {
                break;
            }
            int p = pixels[i];
            int luminance = (77 * (p >> 16 & 0xff) + 150 * (p >> 8 & 0xff) + 29 * (p & 0xff)) >> 8;
            bins[luminance >> shift]++;
        }
        return bins;
    }

    public static void main(String[] args) {
        int[] pixels = Images.photo(42, 1024, 768);
        Runner.runPasses(args, "ImageHistogramFixed", () -> new ImageHistogramFixed(64).add(pixels)[17]);
    }
}
