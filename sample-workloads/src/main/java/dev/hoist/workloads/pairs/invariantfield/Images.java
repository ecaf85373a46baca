package dev.hoist.workloads.pairs.invariantfield;

import java.util.SplittableRandom;

/** Deterministic test images (ARGB pixels) shared by the histogram twins and their benchmark. */
public final class Images {

    private Images() {
    }

    /** A photo-like image: smooth gradients plus noise, so every bin gets some pixels. */
    public static int[] photo(long seed, int width, int height) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(32)) & 0xff;
                int g = (y * 255 / height + random.nextInt(32)) & 0xff;
                int b = random.nextInt(256);
                pixels[y * width + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return pixels;
    }
}
