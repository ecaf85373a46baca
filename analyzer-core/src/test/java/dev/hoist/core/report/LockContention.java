package dev.hoist.core.report;

/** A workload for the lock report: four threads take turns on one monitor, each holding it while it works. */
public final class LockContention {
    private static final Object LEDGER = new Object();
    private static long total;

    private LockContention() {
    }

    static void post(long amount) {
        synchronized (LEDGER) {
            long t = total;
            for (int i = 0; i < 20_000; i++) t += (amount ^ i) & 7;
            total = t;
        }
    }

    public static void main(String[] args) throws Exception {
        long until = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000L;
        Thread[] ts = new Thread[4];
        for (int k = 0; k < ts.length; k++) {
            int id = k;
            ts[k] = new Thread(() -> {
                while (System.nanoTime() < until) post(id);
            }, "poster-" + k);
            ts[k].start();
        }
        for (Thread t : ts) t.join();
        System.out.println(total);
    }
}
