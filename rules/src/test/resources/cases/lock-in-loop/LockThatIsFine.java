package cases.lock_in_loop;

import java.util.concurrent.locks.ReentrantLock;

/** Locks that are taken once, or on a different object each iteration: nothing to take out of the loop. */
public class LockThatIsFine {
    private final Object guard = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private long total;

    void onceAroundTheLoop(long[] values) {
        synchronized (guard) {
            for (long v : values) {
                total += v;
            }
        }
    }

    void lockOnceAroundTheLoop(long[] values) {
        lock.lock();
        try {
            for (long v : values) {
                total += v;
            }
        } finally {
            lock.unlock();
        }
    }

    static void perElement(Object[] items, int[] out) {
        for (int i = 0; i < items.length; i++) {
            synchronized (items[i]) {
                out[i] = items[i].hashCode();
            }
        }
    }

    static void aLockPerIterationOfItsOwn(int[] out) {
        for (int i = 0; i < out.length; i++) {
            Object mine = new Object();
            synchronized (mine) {
                out[i] = i;
            }
        }
    }

    static void lockedNowhere(long[] values, long[] out) {
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * 2;
        }
    }

    void outsideAnyLoop(long v) {
        synchronized (guard) {
            total += v;
        }
    }

    static void locksChosenPerIteration(ReentrantLock[] locks, long[] out) {
        for (int i = 0; i < locks.length; i++) {
            locks[i].lock();
            try {
                out[i]++;
            } finally {
                locks[i].unlock();
            }
        }
    }

    /** A synchronized add on a different tally each iteration: no one lock to take outside. */
    static final class Tally {
        private long n;

        synchronized void add(long v) {
            n += v;
        }
    }

    static void synchronizedMethodPerElement(Tally[] tallies, long[] values) {
        for (int i = 0; i < tallies.length; i++) {
            tallies[i].add(values[i]);
        }
    }

    /** A synchronized put that a subclass overrides without the lock: which body runs is not known. */
    static class Sink {
        synchronized void put(long v) {
        }
    }

    static final class QuietSink extends Sink {
        @Override
        void put(long v) {
        }
    }

    static void overriddenWithoutTheLock(Sink sink, long[] values) {
        for (long v : values) {
            sink.put(v);
        }
    }

    /** The JDK's synchronized classes are the per-call locking notice's (use StringBuilder), not this rule's. */
    static String jdkSynchronizedClass(String[] parts) {
        StringBuffer b = new StringBuffer();
        for (String p : parts) {
            b.append(p);
        }
        return b.toString();
    }
}
