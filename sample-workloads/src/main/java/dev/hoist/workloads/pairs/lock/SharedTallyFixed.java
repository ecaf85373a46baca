package dev.hoist.workloads.pairs.lock;

import dev.hoist.workloads.Runner;

/**
 * Four threads add batches of order amounts to one shared ledger total. The fixed twin of
 * {@link SharedTally}. Fix: each batch is summed in a local and added to the ledger under one lock.
 */
public final class SharedTallyFixed {
    private static final Object LEDGER = new Object();
    private static long total;

    private SharedTallyFixed() {
    }

    /** Adds every amount to the ledger; returns the ledger total afterwards, a checksum for the twins. */
    public static long tally(int[] amounts) {
        long batch = 0;
        for (int i = 0; i < amounts.length; i++) {
            batch += amounts[i];
        }
        synchronized (LEDGER) {
            total += batch;
            return total;
        }
    }

    public static void main(String[] args) {
        int[] amounts = Amounts.generate(42, 10_000);
        Amounts.startOtherPosters(3, () -> tally(amounts));
        Runner.runPasses(args, "SharedTallyFixed", () -> tally(amounts));
    }
}
