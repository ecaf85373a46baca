package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording in memory, compact enough for millions of samples: methods, frames and stacks are
 * interned once, and the samples are parallel primitive arrays (kind, time, thread, stack, weight,
 * allocated class), not one object per sample. Stacks are arrays of frame indexes, <b>leaf first</b>
 * (index 0 is the frame that was running). A method index maps each method to the stacks that
 * contain it, so the questions the advisor asks about one method are answered without scanning
 * every sample. Immutable once built by a {@link ProfileReader}.
 */
public final class Profile {
    private final ProfileInfo info;
    private final List<MethodRef> methods;
    private final Frame[] frames;
    private final int[][] stacks;
    private final String[] threadNames;
    private final String[] classNames;
    private final int size;
    private final byte[] kinds;
    private final long[] times;
    private final int[] threads;
    private final int[] stackIds;
    private final long[] weights;
    private final int[] allocClasses;
    /** Events each row stands for, null when each stands for one (rows merged by {@link ProfileBuilder#compact}). */
    private final int[] counts;
    private final Map<MethodRef, Integer> methodIndexes;
    private volatile int[][] stacksByMethod;
    private volatile java.util.BitSet idleStacks;

    Profile(ProfileInfo info, List<MethodRef> methods, Frame[] frames, int[][] stacks, String[] threadNames,
            String[] classNames, int size, byte[] kinds, long[] times, int[] threads, int[] stackIds, long[] weights,
            int[] allocClasses, int[] counts) {
        this.info = info;
        this.methods = Collections.unmodifiableList(new ArrayList<>(methods));
        this.methodIndexes = new HashMap<>(methods.size() * 2);
        for (int i = 0; i < methods.size(); i++) {
            methodIndexes.put(methods.get(i), i);
        }
        this.frames = frames;
        this.stacks = stacks;
        this.threadNames = threadNames;
        this.classNames = classNames;
        this.size = size;
        this.kinds = kinds;
        this.times = times;
        this.threads = threads;
        this.stackIds = stackIds;
        this.weights = weights;
        this.allocClasses = allocClasses;
        this.counts = counts;
    }

    public ProfileInfo info() {
        return info;
    }

    /** Number of samples (events) of every kind. */
    public int size() {
        return size;
    }

    public EventKind kind(int sample) {
        return EventKind.ofOrdinal(kinds[sample]);
    }

    /** Epoch nanoseconds of the sample, or -1 when the source has no time (collapsed stacks). */
    public long timeNanos(int sample) {
        return times[sample];
    }

    public int thread(int sample) {
        return threads[sample];
    }

    public int stack(int sample) {
        return stackIds[sample];
    }

    /** Samples for execution kinds (usually 1), bytes for ALLOC, nanoseconds waited for LOCK. */
    public long weight(int sample) {
        return weights[sample];
    }

    /**
     * How many samples this row counts for: its weight for execution kinds; for the others the
     * events it stands for (1, or more for a row that merged older events of one stack).
     */
    public long sampleCount(int sample) {
        return EventKind.ofOrdinal(kinds[sample]).weightIsSamples() ? weights[sample] : counts == null ? 1 : counts[sample];
    }

    /**
     * Index into {@link #className(int)} of the allocated type (ALLOC) or of the contended lock's
     * class (LOCK); -1 for other samples.
     */
    public int allocClass(int sample) {
        return allocClasses[sample];
    }

    public String className(int index) {
        return classNames[index];
    }

    public List<MethodRef> methods() {
        return methods;
    }

    public MethodRef method(int index) {
        return methods.get(index);
    }

    /** Index of the method, or -1 if no sample has it. */
    public int methodIndex(MethodRef method) {
        return methodIndexes.getOrDefault(method, -1);
    }

    public int frameCount() {
        return frames.length;
    }

    public Frame frame(int index) {
        return frames[index];
    }

    public int stackCount() {
        return stacks.length;
    }

    /** Frame indexes of a stack, leaf first. The array is shared: do not modify it. */
    public int[] stackFrames(int stack) {
        return stacks[stack];
    }

    public int threadCount() {
        return threadNames.length;
    }

    public String threadName(int index) {
        return threadNames[index];
    }

    /**
     * The samples taken at or after {@code fromEpochNanos}, with the same methods, frames, stacks and
     * threads (so indexes and {@link MethodRef}s stay valid): the last seconds of a live recording,
     * as {@code hoist attach} shows them. Samples without a time (collapsed stacks) are kept. The
     * info says the window's start and length; the sample arrays are copied, the tables shared.
     */
    public Profile since(long fromEpochNanos) {
        long end = info.startEpochNanos() >= 0 && info.durationNanos() >= 0 ? info.startEpochNanos() + info.durationNanos() : -1;
        long start = Math.max(fromEpochNanos, info.startEpochNanos());
        ProfileInfo windowInfo = new ProfileInfo(info.file(), info.sampler(), info.engine(), start,
                end >= start ? end - start : -1, info.warnings());
        return select(i -> times[i] < 0 || times[i] >= fromEpochNanos, windowInfo);
    }

    /**
     * The same samples with each stack under one more root frame, its thread's {@code [name]} (one
     * frame per distinct name), as async-profiler's {@code -t} draws them: a flame graph of this
     * profile is split by thread. Threadless samples keep their stacks.
     */
    public Profile withThreadRoots() {
        List<MethodRef> ms = new ArrayList<>(methods);
        List<Frame> fs = new ArrayList<>(Arrays.asList(frames));
        Map<String, Integer> rootOfName = new HashMap<>();
        int[] rootOfThread = new int[threadNames.length];
        for (int t = 0; t < threadNames.length; t++) {
            MethodRef m = new MethodRef("", "[" + threadNames[t] + "]", "");
            rootOfThread[t] = rootOfName.computeIfAbsent(m.name(), n -> {
                ms.add(m);
                fs.add(new Frame(m, ms.size() - 1, -1, -1, FrameType.UNKNOWN));
                return fs.size() - 1;
            });
        }
        List<int[]> st = new ArrayList<>(Arrays.asList(stacks));
        Map<Long, Integer> rooted = new HashMap<>();
        int[] ids = new int[size];
        for (int i = 0; i < size; i++) {
            if (threads[i] < 0) {
                ids[i] = stackIds[i];
                continue;
            }
            long key = ((long) stackIds[i] << 32) | rootOfThread[threads[i]];
            Integer id = rooted.get(key);
            if (id == null) {
                int[] old = stacks[stackIds[i]];
                int[] withRoot = Arrays.copyOf(old, old.length + 1);
                withRoot[old.length] = rootOfThread[threads[i]]; // stacks are leaf first: the root goes last
                st.add(withRoot);
                id = st.size() - 1;
                rooted.put(key, id);
            }
            ids[i] = id;
        }
        return new Profile(info, ms, fs.toArray(new Frame[0]), st.toArray(new int[0][]), threadNames, classNames, size, kinds,
                times, threads, ids, weights, allocClasses, counts);
    }

    /** The samples whose stacks the filter keeps (async-profiler's -I/-X), with the same tables and info. */
    public Profile filter(FrameFilter filter) {
        if (filter.keepsAll()) {
            return this;
        }
        java.util.BitSet kept = new java.util.BitSet(stacks.length);
        for (int s = 0; s < stacks.length; s++) {
            kept.set(s, filter.keeps(this, s));
        }
        return select(i -> kept.get(stackIds[i]), info);
    }

    /** The samples of one thread (an index below {@link #threadCount()}), with the same tables and info. */
    public Profile ofThread(int thread) {
        return select(i -> threads[i] == thread, info);
    }

    /**
     * The samples {@code keep} accepts, by sample index, with the same methods, frames, stacks and
     * threads; this profile itself when it accepts them all. For {@link SampleFilter} and {@link #since}.
     */
    Profile select(java.util.function.IntPredicate keep, ProfileInfo selectedInfo) {
        java.util.BitSet kept = new java.util.BitSet(size);
        for (int i = 0; i < size; i++) {
            if (keep.test(i)) kept.set(i);
        }
        int n = kept.cardinality();
        if (n == size && selectedInfo.equals(info)) {
            return this;
        }
        byte[] k = new byte[n];
        long[] t = new long[n];
        int[] th = new int[n];
        int[] st = new int[n];
        long[] w = new long[n];
        int[] ac = new int[n];
        int[] c = counts == null ? null : new int[n];
        int j = 0;
        for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
            k[j] = kinds[i];
            t[j] = times[i];
            th[j] = threads[i];
            st[j] = stackIds[i];
            w[j] = weights[i];
            ac[j] = allocClasses[i];
            if (c != null) {
                c[j] = counts[i];
            }
            j++;
        }
        Profile selected = new Profile(selectedInfo, methods, frames, stacks, threadNames, classNames, n, k, t, th, st, w, ac, c);
        selected.idleStacks = idleStacks; // same stacks, same answer
        selected.stacksByMethod = stacksByMethod;
        return selected;
    }

    /**
     * The time the samples cover, epoch nanos: from the recording's start (or the first sample, when
     * the start is unknown or later) to the last sample; null when no sample has a time. What the
     * timeline and the thread lanes cut into equal parts.
     */
    public long[] sampleTimeSpan() {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (times[i] >= 0) {
                start = Math.min(start, times[i]);
                end = Math.max(end, times[i]);
            }
        }
        if (start == Long.MAX_VALUE) return null;
        if (info.startEpochNanos() >= 0 && info.startEpochNanos() <= start) start = info.startEpochNanos();
        return new long[] {start, end};
    }

    /** Total samples per kind (for ALLOC and LOCK: number of events). */
    public Map<EventKind, Long> sampleCounts() {
        long[] sums = new long[EventKind.values().length];
        boolean[] seen = new boolean[sums.length];
        for (int i = 0; i < size; i++) {
            int k = kinds[i];
            sums[k] += sampleCount(i);
            seen[k] = true;
        }
        Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
        for (int k = 0; k < sums.length; k++) {
            if (seen[k]) {
                counts.put(EventKind.ofOrdinal(k), sums[k]);
            }
        }
        return counts;
    }

    /**
     * The stacks on which a thread waited rather than ran ({@link IdleStacks}), worked out once per
     * profile: the advisor's hot methods, its shares and its notice all ask. Callers must not change it.
     */
    public java.util.BitSet idleStacks() {
        java.util.BitSet idle = idleStacks;
        if (idle == null) {
            idle = IdleStacks.of(this);
            idleStacks = idle;
        }
        return idle;
    }

    /** Ids of the stacks that contain the method at least once, ascending. */
    public int[] stacksContaining(int methodIndex) {
        int[][] index = stacksByMethod;
        if (index == null) {
            index = buildMethodIndex();
            stacksByMethod = index;
        }
        return index[methodIndex];
    }

    private int[][] buildMethodIndex() {
        int m = methods.size();
        int[] counts = new int[m];
        int[] lastStack = new int[m];
        Arrays.fill(lastStack, -1);
        for (int s = 0; s < stacks.length; s++) {
            for (int f : stacks[s]) {
                int mi = frames[f].methodIndex();
                if (lastStack[mi] != s) {
                    lastStack[mi] = s;
                    counts[mi]++;
                }
            }
        }
        int[][] index = new int[m][];
        for (int i = 0; i < m; i++) {
            index[i] = new int[counts[i]];
        }
        Arrays.fill(counts, 0);
        Arrays.fill(lastStack, -1);
        for (int s = 0; s < stacks.length; s++) {
            for (int f : stacks[s]) {
                int mi = frames[f].methodIndex();
                if (lastStack[mi] != s) {
                    lastStack[mi] = s;
                    index[mi][counts[mi]++] = s;
                }
            }
        }
        return index;
    }
}
