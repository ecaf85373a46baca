package dev.hoist.workloads.pairs.lock;

import dev.hoist.workloads.Runner;

/**
 * Four threads add batches of order amounts to one shared ledger total. Anti-pattern: the ledger's
 * monitor is entered and left for every amount, so the threads contend for it on every iteration.
 * Twin: {@link SharedTallyFixed}.
 */
public final class SharedTally {
    private static final Object LEDGER = new Object();
    private static long total;

    private SharedTally() {
    }

    /** Adds every amount to the ledger; returns the ledger total afterwards, a checksum for the twins. */
    public static long tally(int[] amounts) {
        for (int i = 0; i < amounts.length; i++) {
            synchronized (LEDGER) {
                total += amounts[i];
            }
        }
        synchronized (LEDGER) {
            return total;
        }
    }

    public static void main(String[] args) {
        int[] amounts = Amounts.generate(42, 10_000);
        Amounts.startOtherPosters(3, () -> tally(amounts));
        Runner.runPasses(args, "SharedTally", () -> tally(amounts));
    }
}
