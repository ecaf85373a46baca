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
                Arrays.copyOf(sampleStacks, size), Arrays.copyOf(weights, size), Arrays.copyOf(allocClasses, size));
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
        int n = size;
        size = 0;
        published = 0;
        return profile(info, n, k, t, th, st, w, ac);
    }

    /** A profile of these samples with the interned tables, which are small and are copied. */
    private Profile profile(ProfileInfo info, int n, byte[] k, long[] t, int[] th, int[] st, long[] w, int[] ac) {
        return new Profile(info, methods, frames.toArray(new Frame[0]), stacks.toArray(new int[0][]),
                threadNames.toArray(new String[0]), classNames.toArray(new String[0]), n, k, t, th, st, w, ac);
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
        return profile(info, size, kinds, times, threads, sampleStacks, weights, allocClasses);
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
