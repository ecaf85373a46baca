package cases.lock_in_loop;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A lock taken and released on every iteration, on the same object each time. */
public class LockPerIteration {
    private final Object guard = new Object();
    private static final Object REGISTRY = new Object();
    private final Lock lock = new ReentrantLock();
    private final ReentrantLock reentrant = new ReentrantLock();
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private long total;

    void onField(long[] values) {
        for (long v : values) {
            synchronized (guard) { // expect: lock-in-loop "synchronized (guard) enters and leaves the monitor of guard on every iteration"
                total += v;
            }
        }
    }

    synchronized void onThisInALoopOfASynchronizedMethodIsReentrantButStillPaid(long[] values) {
        for (long v : values) {
            synchronized (this) { // expect: lock-in-loop "synchronized (this)"
                total += v;
            }
        }
    }

    static int onStatic(int[] values, int[] out) {
        int n = 0;
        for (int v : values) {
            synchronized (REGISTRY) { // expect: lock-in-loop "REGISTRY"
                out[n++] = v;
            }
        }
        return n;
    }

    static void onClassLiteral(int[] values, int[] out) {
        for (int i = 0; i < values.length; i++) {
            synchronized (LockPerIteration.class) { // expect: lock-in-loop "LockPerIteration.class"
                out[i] = values[i];
            }
        }
    }

    static void onParameter(Object shared, int[] values, int[] out) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                synchronized (shared) { // expect: lock-in-loop "on some iterations"
                    out[i] = values[i];
                }
            }
        }
    }

    void lockInterface(long[] values) {
        for (long v : values) {
            lock.lock(); // expect: lock-in-loop "lock.lock() takes the lock on every iteration"
            try {
                total += v;
            } finally {
                lock.unlock();
            }
        }
    }

    void reentrantLock(long[] values) {
        for (long v : values) {
            reentrant.lock(); // expect: lock-in-loop "The JIT never removes"
            try {
                total += v;
            } finally {
                reentrant.unlock();
            }
        }
    }

    void writeLock(long[] values) {
        ReentrantReadWriteLock.WriteLock w = rw.writeLock();
        for (long v : values) {
            w.lock(); // expect: lock-in-loop "w.lock()"
            try {
                total += v;
            } finally {
                w.unlock();
            }
        }
    }

    static long unsharedObject(long[] values) {
        Object local = new Object();
        long sum = 0;
        for (long v : values) {
            synchronized (local) { // expect: lock-in-loop "(lock elision)"
                sum += v;
            }
        }
        return sum;
    }

    /** A tally whose add is synchronized: each call enters its monitor. */
    static final class Tally {
        private long n;

        synchronized void add(long v) {
            n += v;
        }

        static synchronized void register(long v) {
            REGISTERED[0] += v;
        }

        private static final long[] REGISTERED = new long[1];
    }

    private final Tally tally = new Tally();

    void synchronizedMethodOfAField(long[] values) {
        for (long v : values) {
            tally.add(v); // expect: lock-in-loop "enters and leaves the monitor of this.tally on every iteration", invariant-field-in-loop
        }
    }

    static void staticSynchronizedMethod(long[] values) {
        for (long v : values) {
            if (v > 0) {
                Tally.register(v); // expect: lock-in-loop "the monitor of LockPerIteration.Tally.class on some iterations"
            }
        }
    }

    synchronized void bump(long v) {
        total += v;
    }

    void ownSynchronizedMethod(long[] values) {
        for (long v : values) {
            bump(v); // expect: lock-in-loop "this.bump(v) calls a synchronized method"
        }
    }
}
