package dev.hoist.core.profile;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hoist.core.profile.ProfileReader.bad;

/**
 * Reads recordings of the JDK's Flight Recorder with the JDK's own parser, which tells
 * {@code jdk.ExecutionSample} from {@code jdk.NativeMethodSample} and reads fields by name.
 */
final class JdkRecordingReader {

    private JdkRecordingReader() {
    }

    static Profile read(Path file, JfrFraming.Result framing) {
        List<String> warnings = new ArrayList<>();
        Events events = new Events(file, new ProfileBuilder());
        if (framing.tailProblem() == null) {
            events.read(file, 0);
        } else {
            // RecordingFile cannot be told to stop after the good chunks, so it reads a copy of them
            warnings.add(file + ": " + framing.tailProblem() + "; kept the " + framing.chunks() + " complete chunk(s) before it");
            Path prefix = null;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                prefix = Files.createTempFile("hoist-", ".jfr");
                copy(in, prefix, new long[] {0, framing.validBytes()});
                events.read(prefix, 0);
            } catch (IOException e) {
                throw bad(file, "cannot copy its complete chunks: " + e.getMessage(), e);
            } finally {
                deleteQuietly(prefix);
            }
        }
        if (events.warning() != null) {
            warnings.add(events.warning());
        }
        return events.build(warnings, false);
    }

    /** Replaces the content of {@code target} with the given byte ranges {from, to} of a file, in order. */
    static void copy(FileChannel in, Path target, long[]... ranges) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long[] range : ranges) {
                for (long at = range[0]; at < range[1]; ) {
                    at += in.transferTo(at, range[1] - at, out);
                }
            }
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    /**
     * The events of a JDK recording read so far, in one growing builder: {@link #read} takes one
     * file of whole chunks (a recording, or the chunks a {@link LiveRecording} found appended), so a
     * whole-file read and a live one go through the same code.
     */
    static final class Events {
        private final Path file;
        private final ProfileBuilder b;
        private long start = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;
        private int events;
        // JDK 16+ samples allocations with jdk.ObjectAllocationSample; JDK 11-15 only have the TLAB
        // events. When a recording has both, the TLAB events are the same allocations again: they are
        // kept aside and used only if there was no ObjectAllocationSample.
        private final TlabEvents tlab = new TlabEvents();
        private final SampledAllocations sampledAllocations = new SampledAllocations();
        private boolean sampled;
        private String warning;

        Events(Path file, ProfileBuilder builder) {
            this.file = file;
            this.b = builder;
        }

        /**
         * Reads the events of {@code source}, which holds whole chunks of {@link #file}, but for the
         * first {@code skip} (events of a chunk already read, which a live read puts first so that
         * the parser keeps to the recording's clock). A recording that breaks off after some events
         * keeps them and ends the reading with a {@link #warning()} (returns false); one that breaks
         * off before any event is bad input.
         */
        boolean read(Path source, int skip) {
            if (warning != null) {
                return false;
            }
            // the parser hands out one object per constant-pool stack trace, so identity finds repeats cheaply
            IdentityHashMap<RecordedStackTrace, Integer> stacks = new IdentityHashMap<>();
            IdentityHashMap<RecordedThread, Integer> threads = new IdentityHashMap<>();
            try (RecordingFile rf = new RecordingFile(source)) {
                for (int skipped = 0; rf.hasMoreEvents(); ) {
                    RecordedEvent e = rf.readEvent();
                    if (skipped < skip) {
                        skipped++;
                    } else {
                        add(e, stacks, threads);
                    }
                }
                return true;
            } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                if (events == 0) {
                    String what = e instanceof java.io.EOFException ? "truncated JFR recording (its first chunk is incomplete)"
                            : JfrProfileReader.firstChunkProblem(e);
                    throw bad(file, what, e);
                }
                warning = file + ": " + (e instanceof OutOfMemoryError
                        ? "JFR recording could not be read past " + events + " events (" + JfrProfileReader.outOfMemory() + ")"
                        : "JFR recording is truncated or corrupt after " + events + " events (" + JfrProfileReader.describe(e) + ")")
                        + "; kept what was read before";
                return false;
            }
        }

        private void add(RecordedEvent e, Map<RecordedStackTrace, Integer> stacks, Map<RecordedThread, Integer> threads) {
            events++;
            long t = nanos(e.getStartTime());
            start = Math.min(start, t);
            end = Math.max(end, nanos(e.getEndTime()));
            String name = e.getEventType().getName();
            switch (name) {
                case "jdk.ExecutionSample" -> b.add(EventKind.CPU, t, thread(b, threads, e.getThread("sampledThread")),
                        stack(b, stacks, e.getStackTrace()), 1, -1);
                case "jdk.NativeMethodSample" -> b.add(EventKind.NATIVE, t, thread(b, threads, e.getThread("sampledThread")),
                        stack(b, stacks, e.getStackTrace()), 1, -1);
                case "jdk.ObjectAllocationSample" -> {
                    sampled = true;
                    sampledAllocations.add(b, t, thread(b, threads, e.getThread()), stack(b, stacks, e.getStackTrace()), e.getLong("weight"),
                            allocClass(b, e.getClass("objectClass")));
                }
                case "jdk.ObjectAllocationInNewTLAB" -> tlab.add(t, thread(b, threads, e.getThread()),
                        stack(b, stacks, e.getStackTrace()), e.getLong("tlabSize"), allocClass(b, e.getClass("objectClass")));
                case "jdk.ObjectAllocationOutsideTLAB" -> tlab.add(t, thread(b, threads, e.getThread()),
                        stack(b, stacks, e.getStackTrace()), e.getLong("allocationSize"), allocClass(b, e.getClass("objectClass")));
                case "jdk.JavaMonitorEnter" -> b.add(EventKind.LOCK, t, thread(b, threads, e.getThread()),
                        stack(b, stacks, e.getStackTrace()), e.getDuration().toNanos(), allocClass(b, e.getClass("monitorClass")));
                case "jdk.ThreadPark" -> b.add(EventKind.LOCK, t, thread(b, threads, e.getThread()),
                        stack(b, stacks, e.getStackTrace()), e.getDuration().toNanos(), allocClass(b, e.getClass("parkedClass")));
                default -> { }
            }
        }

        /** Events read so far, of any type. */
        int events() {
            return events;
        }

        /** Why reading stopped early, or null. */
        String warning() {
            return warning;
        }

        /**
         * The profile of what was read. With {@code share} the profile shares the builder's sample
         * arrays (see {@link ProfileBuilder#snapshot}) so that reading can go on; without, they are
         * given up ({@link ProfileBuilder#finish}). Held-back TLAB events count only while no
         * allocation was sampled: they go after the other samples; a live read takes them off the
         * builder again afterwards, since more samples may come before them. So it does with the
         * allocation samples of each thread's current second, whose weights are not final.
         */
        Profile build(List<String> warnings, boolean share) {
            boolean withTlab = !sampled && !tlab.isEmpty();
            int mark = b.size();
            boolean withOpen = share && !sampledAllocations.isEmpty();
            if (share) {
                sampledAllocations.addOpenTo(b);
            } else {
                sampledAllocations.flush(b);
            }
            if (withTlab) {
                tlab.addTo(b);
            }
            List<String> all = new ArrayList<>(warnings);
            if (b.size() == 0 && all.isEmpty()) {
                all.add(file + ": the recording holds no samples");
            }
            ProfileInfo info = new ProfileInfo(file, SamplerKind.JDK_JFR, null, start == Long.MAX_VALUE ? -1 : start,
                    end > start ? end - start : -1, all);
            if (!share) {
                return b.finish(info); // the last read: nothing comes after the TLAB events
            }
            if (!withTlab && !withOpen) {
                return b.snapshot(info);
            }
            Profile p = b.build(info);
            b.truncate(mark);
            return p;
        }
    }

    /**
     * The {@code jdk.ObjectAllocationSample} events, weighed so that their bytes are true. An
     * event's weight is what its thread allocated since its previous sample, and two things make
     * summing it per stack wrong:
     * <ul>
     * <li>a thread's first sample counts from the thread's start, not the recording's (JDK-8307488,
     * fixed in 21 and 17.0.x backports, back as JDK-8362573 when the event is enabled in a running
     * JVM, which is how Hoist starts it): on the demo one such event weighed 65.8 GB, 90% of the
     * recording;</li>
     * <li>the throttle takes its samples in bursts and then none until its next window, so the
     * first sample after a pause carries the whole pause: on the demo 48 of 3,196 events held 80%
     * of the bytes, and the shares of the advice swung by 10 points between two runs.</li>
     * </ul>
     * So the bytes a thread allocated in each second of the recording (the sum of its weights, which
     * is what the JVM counted) are spread evenly over the thread's samples of that second: inside a
     * burst the JVM samples at TLAB refills, about one per so many bytes, so each sample stands for
     * an equal share of the bytes. A thread's first sample has no weight of its own and counts as
     * one average sample of its second; a thread sampled only once counts with the smaller of its
     * weight and the mean of all other samples. Samples wait until their thread's second is over
     * (a live read adds the waiting ones to each profile and takes them off again).
     */
    private static final class SampledAllocations {
        private static final long SECOND = 1_000_000_000L;
        private final Set<Integer> seen = new HashSet<>();
        /** Per builder thread: its samples of the current second. */
        private final Map<Integer, Second> open = new HashMap<>();
        private long weighedBytes;
        private long weighedCount;

        /** One thread's samples in one second: {time, stack, class} each, and the weights of those that have one. */
        private static final class Second {
            final long index;
            final List<long[]> samples = new ArrayList<>();
            long bytes;
            int weighed;
            long firstWeight = -1;

            Second(long index) {
                this.index = index;
            }
        }

        void add(ProfileBuilder b, long time, int thread, int stack, long weight, int cls) {
            long index = Math.floorDiv(time, SECOND);
            Second s = open.get(thread);
            if (s != null && s.index != index) {
                addTo(b, thread, s);
                s = null;
            }
            if (s == null) {
                s = new Second(index);
                open.put(thread, s);
            }
            if (seen.add(thread)) {
                s.firstWeight = weight;
            } else {
                s.bytes += weight;
                s.weighed++;
                weighedBytes += weight;
                weighedCount++;
            }
            s.samples.add(new long[] {time, stack, cls});
        }

        boolean isEmpty() {
            return open.isEmpty();
        }

        /** Adds the samples of every thread's current second (a live read takes them off again). */
        void addOpenTo(ProfileBuilder b) {
            open.forEach((thread, s) -> addTo(b, thread, s));
        }

        /** Finishes the reading: the open seconds are added for good. */
        void flush(ProfileBuilder b) {
            addOpenTo(b);
            open.clear();
        }

        private void addTo(ProfileBuilder b, int thread, Second s) {
            int n = s.samples.size();
            long bytes;
            if (s.weighed > 0) {
                bytes = n == s.weighed ? s.bytes : (long) ((double) s.bytes * n / s.weighed);
            } else {
                bytes = weighedCount == 0 ? s.firstWeight : Math.min(s.firstWeight, weighedBytes / weighedCount);
            }
            for (int i = 0; i < n; i++) {
                long[] e = s.samples.get(i);
                // shares that add up to exactly the second's bytes
                long w = (long) ((double) bytes * (i + 1) / n) - (long) ((double) bytes * i / n);
                b.add(EventKind.ALLOC, e[0], thread, (int) e[1], w, (int) e[2]);
            }
        }
    }

    /** TLAB allocation events held back until the reader knows whether the recording also sampled allocations. */
    private static final class TlabEvents {
        private final List<long[]> events = new ArrayList<>();

        void add(long time, int thread, int stack, long bytes, int cls) {
            events.add(new long[] {time, thread, stack, bytes, cls});
        }

        boolean isEmpty() {
            return events.isEmpty();
        }

        void addTo(ProfileBuilder b) {
            for (long[] e : events) {
                b.add(EventKind.ALLOC, e[0], (int) e[1], (int) e[2], e[3], (int) e[4]);
            }
        }
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static int thread(ProfileBuilder b, Map<RecordedThread, Integer> cache, RecordedThread t) {
        if (t == null) {
            return b.thread(null, -1);
        }
        return cache.computeIfAbsent(t, k -> {
            String name = k.getJavaName() != null ? k.getJavaName() : k.getOSName();
            return b.thread(name, k.getJavaThreadId());
        });
    }

    private static int allocClass(ProfileBuilder b, RecordedClass c) {
        return b.allocClass(c == null ? "[unknown class]" : ProfileReader.javaName(c.getName()));
    }

    private static int stack(ProfileBuilder b, Map<RecordedStackTrace, Integer> cache, RecordedStackTrace st) {
        if (st == null) {
            return b.stack(new int[0]);
        }
        Integer id = cache.get(st);
        if (id != null) {
            return id;
        }
        List<RecordedFrame> fs = st.getFrames();
        // RecordedStackTrace lists the top frame first, which is the model's leaf-first order
        int[] frames = new int[fs.size()];
        for (int i = 0; i < frames.length; i++) {
            RecordedFrame f = fs.get(i);
            RecordedMethod m = f.getMethod();
            int method = m == null ? b.method("", "[unknown method]", "")
                    : b.method(m.getType() == null ? "" : ProfileReader.javaName(m.getType().getName()), m.getName(), m.getDescriptor());
            FrameType type = FrameType.ofJfrName(f.getType());
            frames[i] = b.frame(method, f.getLineNumber(), f.getBytecodeIndex(), type);
        }
        id = b.stack(frames);
        cache.put(st, id);
        return id;
    }
}
