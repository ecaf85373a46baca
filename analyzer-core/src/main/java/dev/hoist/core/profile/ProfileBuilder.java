package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects samples for a {@link Profile}: interns methods, frames, stacks, threads and class names,
 * and appends samples to growing primitive arrays. Readers use it; it is public so that tests and
 * other readers (a live sampler) can build profiles too.
 */
public final class ProfileBuilder {
    private final List<MethodRef> methods = new ArrayList<>();
    private final Map<MethodRef, Integer> methodIds = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Map<Frame, Integer> frameIds = new HashMap<>();
    private final List<int[]> stacks = new ArrayList<>();
    private final Map<StackKey, Integer> stackIds = new HashMap<>();
    private final List<String> threadNames = new ArrayList<>();
    private final Map<String, Integer> threadIds = new HashMap<>();
    private final List<String> classNames = new ArrayList<>();
    private final Map<String, Integer> classIds = new HashMap<>();

    private int size;
    /** Samples below this index are shared with a snapshot and must not change. */
    private int published;
    private byte[] kinds = new byte[1024];
    private long[] times = new long[1024];
    private int[] threads = new int[1024];
    private int[] sampleStacks = new int[1024];
    private long[] weights = new long[1024];
    private int[] allocClasses = new int[1024];
    /** Events per row once {@link #compact} merged rows; null while every row is one event. */
    private int[] counts;

    public int method(String className, String name, String descriptor) {
        MethodRef ref = new MethodRef(className, name, descriptor == null ? "" : descriptor);
        Integer id = methodIds.get(ref);
        if (id == null) {
            id = methods.size();
            methods.add(ref);
            methodIds.put(ref, id);
        }
        return id;
    }

    public int frame(int method, int line, int bci, FrameType type) {
        Frame f = new Frame(methods.get(method), method, line, bci, type);
        Integer id = frameIds.get(f);
        if (id == null) {
            id = frames.size();
            frames.add(f);
            frameIds.put(f, id);
        }
        return id;
    }

    /** Interns a stack of frame indexes, leaf first. The array must not be changed afterwards. */
    public int stack(int[] frameIdsLeafFirst) {
        StackKey key = new StackKey(frameIdsLeafFirst);
        Integer id = stackIds.get(key);
        if (id == null) {
            id = stacks.size();
            stacks.add(frameIdsLeafFirst);
            stackIds.put(key, id);
        }
        return id;
    }

    /** Interns a thread by name and Java thread id (two threads may share a name). */
    public int thread(String name, long javaThreadId) {
        String n = name == null ? "[unknown thread]" : name;
        return threadIds.computeIfAbsent(n + '\u0000' + javaThreadId, k -> {
            threadNames.add(n);
            return threadNames.size() - 1;
        });
    }

    public int allocClass(String className) {
        return classIds.computeIfAbsent(className, k -> {
            classNames.add(k);
            return classNames.size() - 1;
        });
    }

    @SuppressWarnings("EnumOrdinal") // the column lives and is read back in this process, never written out
    public void add(EventKind kind, long timeNanos, int thread, int stack, long weight, int allocClass) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            times = Arrays.copyOf(times, n);
            threads = Arrays.copyOf(threads, n);
            sampleStacks = Arrays.copyOf(sampleStacks, n);
            weights = Arrays.copyOf(weights, n);
            allocClasses = Arrays.copyOf(allocClasses, n);
            if (counts != null) {
                counts = Arrays.copyOf(counts, n);
            }
        }
        if (counts != null) {
            counts[size] = 1;
        }
        kinds[size] = (byte) kind.ordinal();
        times[size] = timeNanos;
        threads[size] = thread;
        sampleStacks[size] = stack;
        weights[size] = weight;
        allocClasses[size] = allocClass;
        size++;
    }

    public int size() {
        return size;
    }

    /**
     * Drops the samples after the first n (a corrupt chunk's partial events).
     *
     * @throws IllegalStateException if a {@link #snapshot} shares any of them
     */
    public void truncate(int n) {
        if (n < published) {
            throw new IllegalStateException("cannot drop samples that a snapshot shares: " + n + " < " + published);
        }
        size = Math.min(size, n);
    }

    public Profile build(ProfileInfo info) {
        return profile(info, size, Arrays.copyOf(kinds, size), Arrays.copyOf(times, size), Arrays.copyOf(threads, size),
                Arrays.copyOf(sampleStacks, size), Arrays.copyOf(weights, size), Arrays.copyOf(allocClasses, size),
                counts == null ? null : Arrays.copyOf(counts, size));
    }

    /**
     * Builds the profile and gives up the builder's sample arrays on the way, one at a time: a
     * whole-file read of 15 million samples would otherwise hold the grown arrays and their trimmed
     * copies at once (about 0.9 GB where 0.6 GB do). The builder cannot be used afterwards.
     */
    public Profile finish(ProfileInfo info) {
        byte[] k = trim(kinds);
        kinds = new byte[0];
        long[] t = trim(times);
        times = new long[0];
        int[] th = trim(threads);
        threads = new int[0];
        int[] st = trim(sampleStacks);
        sampleStacks = new int[0];
        long[] w = trim(weights);
        weights = new long[0];
        int[] ac = trim(allocClasses);
        allocClasses = new int[0];
        int[] c = counts == null ? null : trim(counts);
        counts = null;
        int n = size;
        size = 0;
        published = 0;
        return profile(info, n, k, t, th, st, w, ac, c);
    }

    /** A profile of these samples with the interned tables, which are small and are copied. */
    private Profile profile(ProfileInfo info, int n, byte[] k, long[] t, int[] th, int[] st, long[] w, int[] ac, int[] c) {
        return new Profile(info, methods, frames.toArray(new Frame[0]), stacks.toArray(new int[0][]),
                threadNames.toArray(new String[0]), classNames.toArray(new String[0]), n, k, t, th, st, w, ac, c);
    }

    private byte[] trim(byte[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private int[] trim(int[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private long[] trim(long[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    /**
     * A profile of the samples so far that shares this builder's sample arrays instead of copying
     * them, for a reader that keeps adding ({@link LiveRecording}). It stays immutable because the
     * builder only writes past its size: appends go after it, growth moves to new arrays, and
     * {@link #truncate} refuses to cut into it.
     */
    Profile snapshot(ProfileInfo info) {
        published = size;
        return profile(info, size, kinds, times, threads, sampleStacks, weights, allocClasses, counts);
    }

    /**
     * Bounds the memory of a long live recording: the samples taken before {@code beforeNanos} are
     * merged into one row per event kind, thread, stack and allocated class, which carries their
     * summed weight and their number of events, so every total stays exact while the number of old
     * rows stays that of the distinct stacks. A merged row is timed at the last of {@code marks}
     * (epoch nanoseconds, e.g. a reset of the view) at or before its samples, or at the earliest
     * sample merged when none is, so that {@link Profile#since} any of the marks, or the recording's
     * start, is still exact; only the spread of the old samples over time is lost. New arrays are
     * made: snapshots taken before keep theirs. Returns the rows dropped.
     */
    @SuppressWarnings("EnumOrdinal")
    public int compact(long beforeNanos, long[] marks) {
        long[] sorted = marks.clone();
        Arrays.sort(sorted);
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            if (times[i] >= 0 && times[i] < beforeNanos && segment(sorted, times[i]) < 0) {
                earliest = Math.min(earliest, times[i]);
            }
        }
        Map<List<Long>, Integer> merged = new java.util.LinkedHashMap<>();
        ProfileBuilder rows = new ProfileBuilder();
        rows.counts = new int[1024];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < size; i++) {
                boolean old = times[i] >= 0 && times[i] < beforeNanos;
                if (old != (pass == 0)) {
                    continue;
                }
                int count = counts == null ? 1 : counts[i];
                if (!old) {
                    rows.add(EventKind.ofOrdinal(kinds[i]), times[i], threads[i], sampleStacks[i], weights[i], allocClasses[i]);
                    rows.counts[rows.size - 1] = count;
                    continue;
                }
                int seg = segment(sorted, times[i]);
                long at = seg < 0 ? earliest : sorted[seg];
                List<Long> key = List.of((long) kinds[i], (long) threads[i], (long) sampleStacks[i], (long) allocClasses[i], at);
                Integer row = merged.get(key);
                if (row == null) {
                    merged.put(key, rows.size);
                    rows.add(EventKind.ofOrdinal(kinds[i]), at, threads[i], sampleStacks[i], weights[i], allocClasses[i]);
                    rows.counts[rows.size - 1] = count;
                } else {
                    rows.weights[row] += weights[i];
                    rows.counts[row] += count;
                }
            }
        }
        int dropped = size - rows.size;
        kinds = rows.kinds;
        times = rows.times;
        threads = rows.threads;
        sampleStacks = rows.sampleStacks;
        weights = rows.weights;
        allocClasses = rows.allocClasses;
        counts = rows.counts;
        size = rows.size;
        published = 0;
        return dropped;
    }

    /** The index of the last mark at or before {@code t}, -1 when none is. */
    private static int segment(long[] sorted, long t) {
        int i = Arrays.binarySearch(sorted, t);
        return i >= 0 ? i : -i - 2;
    }

    @SuppressWarnings("ArrayRecordComponent") // equals and hashCode below compare the contents
    private record StackKey(int[] frames) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StackKey k && Arrays.equals(frames, k.frames);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(frames);
        }
    }
}
