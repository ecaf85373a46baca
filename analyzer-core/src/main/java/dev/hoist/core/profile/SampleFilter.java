package dev.hoist.core.profile;

import java.util.HashSet;
import java.util.Set;

/**
 * Which samples the views look at: a time range (a selection on the timeline) and the threads left
 * out (a thread filter), as JMC's range selection and thread filter do. Applying it gives a
 * {@link Profile} of those samples with the same methods, frames, stacks and threads, so everything
 * computed from a profile (flame graph, hot methods, allocations, advice) can be computed from it.
 *
 * @param fromEpochNanos first nanosecond kept, inclusive; {@link Long#MIN_VALUE} for no lower bound
 * @param toEpochNanos   end of the range, exclusive; {@link Long#MAX_VALUE} for no upper bound
 * @param hiddenThreads  names of the threads whose samples are left out (two threads may share a name)
 */
public record SampleFilter(long fromEpochNanos, long toEpochNanos, Set<String> hiddenThreads) {
    /** Every sample. */
    public static final SampleFilter ALL = new SampleFilter(Long.MIN_VALUE, Long.MAX_VALUE, Set.of());

    public SampleFilter {
        if (toEpochNanos < fromEpochNanos) {
            throw new IllegalArgumentException("range ends before it starts: " + fromEpochNanos + " > " + toEpochNanos);
        }
        hiddenThreads = Set.copyOf(hiddenThreads);
    }

    /** Whether a time range is chosen. */
    public boolean hasRange() {
        return fromEpochNanos != Long.MIN_VALUE || toEpochNanos != Long.MAX_VALUE;
    }

    public boolean isAll() {
        return !hasRange() && hiddenThreads.isEmpty();
    }

    /** The same threads over {@code [from, to)}. */
    public SampleFilter withRange(long from, long to) {
        return new SampleFilter(from, to, hiddenThreads);
    }

    /** The same threads over the whole recording. */
    public SampleFilter withoutRange() {
        return new SampleFilter(Long.MIN_VALUE, Long.MAX_VALUE, hiddenThreads);
    }

    /** The same range with these threads left out. */
    public SampleFilter withHidden(Set<String> threads) {
        return new SampleFilter(fromEpochNanos, toEpochNanos, threads);
    }

    /**
     * The samples of {@code p} inside the range and of a thread not hidden; {@code p} itself when
     * that is all of them. Samples without a time (collapsed stacks) are in every range. The info
     * gives the range's start and length, so rates per second are over the range.
     */
    public Profile apply(Profile p) {
        if (isAll()) {
            return p;
        }
        boolean[] hidden = new boolean[p.threadCount()];
        if (!hiddenThreads.isEmpty()) {
            for (int t = 0; t < hidden.length; t++) {
                hidden[t] = hiddenThreads.contains(p.threadName(t));
            }
        }
        ProfileInfo info = p.info();
        if (hasRange() && info.startEpochNanos() >= 0) {
            long start = Math.max(fromEpochNanos, info.startEpochNanos());
            long end = info.durationNanos() >= 0 ? Math.min(toEpochNanos, info.startEpochNanos() + info.durationNanos())
                    : toEpochNanos;
            info = new ProfileInfo(info.file(), info.sampler(), info.engine(), start, end >= start && end != Long.MAX_VALUE
                    ? end - start : -1, info.warnings());
        }
        return p.select(i -> {
            long t = p.timeNanos(i);
            return !hidden[p.thread(i)] && (t < 0 || (t >= fromEpochNanos && t < toEpochNanos));
        }, info);
    }

    /** The names of {@code p}'s threads, each once. */
    public static Set<String> threadNames(Profile p) {
        Set<String> names = new HashSet<>();
        for (int t = 0; t < p.threadCount(); t++) {
            names.add(p.threadName(t));
        }
        return names;
    }
}
