package cases.invariant_field_in_loop;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One piece of advice per (loop, field): a field read three times in one loop body (as in guava's
 * Joiner.MapJoiner.appendTo) is reported once, at the first read, with all its lines. The loop
 * also calls Iterator methods whose implementations are unknown: C2 usually inlines them with a
 * profile and then hoists the load itself, so the advice only says the call "may" block it.
 */
public class RepeatedFieldReads {

    private String separator = ", ";
    private String keyValueSeparator = "=";

    StringBuilder join(StringBuilder out, Iterator<Map.Entry<String, String>> parts) {
        if (parts.hasNext()) {
            Map.Entry<String, String> e = parts.next();
            out.append(e.getKey()).append(keyValueSeparator).append(e.getValue());
            while (parts.hasNext()) {
                out.append(separator); // expect: invariant-field-in-loop@low "3 times per iteration (lines 23"
                Map.Entry<String, String> next = parts.next();
                out.append(next.getKey()).append(separator).append(keyValueSeparator); // expect: invariant-field-in-loop@low "the profile tells which"
                out.append(next.getValue());
                out.append(separator);
            }
        }
        return out;
    }

    private final int limit;
    private int threshold;
    private volatile int generation;

    RepeatedFieldReads(int limit) {
        this.limit = limit;
    }

    // A volatile read in the loop is a memory barrier for C2: neither field load can be hoisted
    // across it; the non-final one gets a note that a local copy stops seeing other threads' writes.
    int countBelow(List<int[]> rows) {
        int n = 0;
        for (int i = 0; i < rows.size(); i++) { // expect: invariant-call-in-loop
            if (generation < 0) break;
            if (rows.get(i)[0] < limit) n++; // expect: invariant-field-in-loop@medium "is a memory barrier for C2"
            if (rows.get(i)[1] > threshold) n--; // expect: invariant-field-in-loop@medium "another thread publishes"
        }
        return n;
    }

    private boolean ready;
    private final Object lock = new Object();

    // guava's DirectExecutorService.awaitTermination: TimeUnit.timedWait on the lock it holds. Quiet.
    boolean awaitReady(long nanos) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (ready) return true;
                if (nanos <= 0) return false;
                long now = System.nanoTime();
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, nanos);
                nanos -= System.nanoTime() - now;
            }
        }
    }

    // Waits until another thread sets the flag under the lock: reading it once would hang. Quiet.
    void awaitReady() throws InterruptedException {
        synchronized (lock) {
            while (!ready) {
                lock.wait();
            }
        }
    }
}
