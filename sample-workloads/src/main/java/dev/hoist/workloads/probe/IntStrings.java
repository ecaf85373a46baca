package dev.hoist.workloads.probe;

/**
 * The issue #14 shape: a 64-iteration inner loop that builds strings from ints, so C2 inlines
 * Integer.getChars and friends into {@link #digits}. Attached warm without DebugNonSafepoints,
 * samples of this loop land on the inlined callee; after a debug-info repair they return to it.
 * Prints ops/s once a second so the cost of the recompilation can be seen.
 */
public final class IntStrings {
    private IntStrings() {}

    static int digits(int seed) {
        int total = 0;
        for (int i = 0; i < 64; i++) {
            int v = seed * 31 + i;
            total += (v ^ (v >>> 7)) * 17 + (total >>> 3);
            if ((i & 15) == 0) {
                total += Integer.toString(v).length();
            }
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        long sink = 0;
        long ops = 0;
        long tick = System.nanoTime();
        for (int seed = 0; ; seed++) {
            sink += digits(seed);
            ops++;
            long now = System.nanoTime();
            if (now - tick >= 1_000_000_000L) {
                System.out.println("ops/s " + ops + " " + (sink & 1));
                System.out.flush();
                ops = 0;
                tick = now;
            }
        }
    }
}
