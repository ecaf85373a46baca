package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Samples per thread for one event kind, busiest first: which threads the time went to. */
public final class ThreadStats {
    /** One thread's share; value is the weight sum (samples, bytes or nanoseconds by kind). */
    public record ThreadStat(String name, long value, long samples) {}

    private ThreadStats() {
    }

    public static List<ThreadStat> of(Profile p, EventKind kind) {
        long[] value = new long[p.threadCount()];
        long[] samples = new long[p.threadCount()];
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) == kind) {
                value[p.thread(i)] += p.weight(i);
                samples[p.thread(i)] += p.sampleCount(i);
            }
        }
        List<ThreadStat> out = new ArrayList<>();
        for (int t = 0; t < value.length; t++) {
            if (samples[t] > 0) {
                out.add(new ThreadStat(p.threadName(t), value[t], samples[t]));
            }
        }
        out.sort(Comparator.comparingLong(ThreadStat::value).reversed().thenComparing(ThreadStat::name));
        return out;
    }
}
