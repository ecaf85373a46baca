package dev.hoist.workloads.pairs.lock;

import dev.hoist.workloads.Runner;
import java.util.Random;
import java.util.function.LongSupplier;

/** The input of the lock pair: order amounts in cents, and the other threads that post them too. */
public final class Amounts {
    private Amounts() {
    }

    public static int[] generate(long seed, int n) {
        Random r = new Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = 100 + r.nextInt(100_000);
        }
        return a;
    }

    /** Starts {@code n} daemon threads that run {@code pass} back to back until the process exits. */
    public static void startOtherPosters(int n, LongSupplier pass) {
        for (int k = 0; k < n; k++) {
            Thread t = new Thread(() -> {
                while (true) {
                    Runner.consume(pass.getAsLong());
                }
            }, "poster-" + k);
            t.setDaemon(true);
            t.start();
        }
    }
}
