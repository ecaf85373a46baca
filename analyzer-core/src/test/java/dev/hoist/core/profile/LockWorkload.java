package dev.hoist.core.profile;

/**
 * Child-JVM workload for lock events: four threads contend for one monitor (a {@link Ledger}) and
 * hold it while they work, so every thread waits. Runs for the milliseconds given as argument.
 */
public final class LockWorkload {
    static final class Ledger {
        long total;
    }

    static final Ledger LEDGER = new Ledger();

    static void post(long v) {
        synchronized (LEDGER) {
            long s = v;
            for (int i = 0; i < 20_000; i++) {
                s = s * 31 + i;
            }
            LEDGER.total += s;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    post(System.nanoTime());
                }
            }, "poster-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
