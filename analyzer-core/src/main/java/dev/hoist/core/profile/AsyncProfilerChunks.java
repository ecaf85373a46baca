package dev.hoist.core.profile;

import one.jfr.ClassRef;
import one.jfr.JfrReader;
import one.jfr.StackTrace;
import one.jfr.event.AllocationSample;
import one.jfr.event.ContendedLock;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.hoist.core.profile.ProfileReader.bad;

/**
 * Reads the chunks of an async-profiler recording into one growing {@link ProfileBuilder}: the one
 * routine behind both {@link ProfileReader#read} (all chunks of a file through one JfrReader) and
 * {@link LiveRecording} (the chunks appended since its last poll, through a JfrReader over their
 * bytes). Ids in a JFR chunk are only valid within it, so the translation tables are reset per chunk
 * while the builder, the time range and the warnings carry over.
 */
final class AsyncProfilerChunks {
    // JfrReader parses the events it knows field by field and trusts that to end on the record's end;
    // a corrupt varint inside such an event leaves it mid-record, and a zero size there loops forever.
    // Its read position is private, so it is checked through handles after each event.
    private static final VarHandle FILE_POSITION;
    private static final VarHandle BUFFER;

    static {
        VarHandle filePosition = null;
        VarHandle buffer = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(JfrReader.class, MethodHandles.lookup());
            filePosition = lookup.findVarHandle(JfrReader.class, "filePosition", long.class);
            buffer = lookup.findVarHandle(JfrReader.class, "buf", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another jfr-converter version: read without the alignment check
        }
        FILE_POSITION = filePosition;
        BUFFER = buffer;
    }

    private final Path file;
    private final ProfileBuilder b;
    private final IntIntMap stackIds = new IntIntMap();
    private final IntIntMap threadIds = new IntIntMap();
    private final IntIntMap classIds = new IntIntMap();
    private final IntIntMap smallMethodIds = new IntIntMap();
    private final Map<Long, Integer> methodIds = new HashMap<>();
    private final FrameType[] frameTypes = new FrameType[256];
    private int defaultState = Integer.MIN_VALUE;
    private double nanosPerTick;
    private JfrReader r;

    private int chunksRead;
    private long startNanos = Long.MAX_VALUE;
    private long endNanos = Long.MIN_VALUE;
    private String engine;
    private String warning;

    AsyncProfilerChunks(Path file, ProfileBuilder builder) {
        this.file = file;
        this.b = builder;
    }

    /** Whether {@code reader}'s first chunk (which its constructor parsed) was written by async-profiler. */
    static boolean isAsyncProfiler(JfrReader reader) {
        return reader.typesByName.keySet().stream().anyMatch(n -> n != null && n.startsWith("profiler."));
    }

    /**
     * Reads {@code chunks}, which follow each other from where {@code reader} stands (its
     * constructor parsed the first one's metadata). {@code base} is the file offset of the reader's
     * byte 0; {@code bytes} holds the chunks' bytes from {@code base} on, or is null when the reader
     * reads the file itself. A chunk that turns out corrupt is dropped with its events and ends the
     * reading: returns false and {@link #warning()} says why. A corrupt first chunk of the recording
     * is bad input.
     */
    boolean read(JfrReader reader, long base, List<JfrFraming.Chunk> chunks, ByteBuffer bytes) {
        if (warning != null) {
            return false;
        }
        this.r = reader;
        r.stopAtNewChunk = true;
        int done = 0;
        int completeSize = b.size();
        try {
            try {
                while (done < chunks.size() && r.hasMoreChunks()) {
                    JfrFraming.Chunk c = chunks.get(done);
                    startChunk();
                    JfrFraming.Boundaries records = FILE_POSITION == null ? null
                            : bytes == null ? JfrFraming.boundaries(file, c)
                            : JfrFraming.boundaries(bytes.slice((int) (c.start() - base), (int) c.size()), c);
                    for (Event e; (e = r.readEvent()) != null; ) {
                        if (records != null && !records.isBoundary(base + position())) {
                            throw new IOException("an event's fields overrun its record at offset " + (base + position()));
                        }
                        add(e);
                    }
                    done++;
                    chunksRead++;
                    completeSize = b.size();
                }
            } finally {
                // the time range covers every chunk whose header the reader took, as a whole-file read's does
                startNanos = Math.min(startNanos, r.startNanos);
                endNanos = Math.max(endNanos, r.endNanos);
                String e = r.settings.get("engine");
                engine = e != null ? e : engine;
            }
            return true;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            b.truncate(completeSize);
            failed(e);
            return false;
        }
    }

    /**
     * A chunk after the ones read could not be parsed (its reader could not even be built): bad
     * input if nothing was read before it, else the end of the reading with a warning.
     */
    void failed(Throwable e) {
        if (chunksRead == 0) {
            throw bad(file, JfrProfileReader.firstChunkProblem(e), e);
        }
        warning = file + ": chunk " + (chunksRead + 1) + " " + JfrProfileReader.chunkProblem(e) + "; kept the "
                + chunksRead + " chunk(s) before it";
    }

    /** The framing check found the chunk after the ones read broken: ends the reading with a warning. */
    void brokenAfter(String problem) {
        if (warning == null) {
            warning = file + ": " + problem + "; kept the " + chunksRead + " complete chunk(s) before it";
        }
    }

    /** Why reading stopped before the end, or null. */
    String warning() {
        return warning;
    }

    ProfileInfo info(List<String> warnings) {
        long duration = endNanos > startNanos ? endNanos - startNanos : -1;
        return new ProfileInfo(file, SamplerKind.ASYNC_PROFILER, engine, startNanos == Long.MAX_VALUE ? -1 : startNanos,
                duration, warnings);
    }

    private long position() {
        return (long) FILE_POSITION.get(r) + ((ByteBuffer) BUFFER.get(r)).position();
    }

    private void startChunk() {
        stackIds.clear();
        threadIds.clear();
        classIds.clear();
        methodIds.clear();
        smallMethodIds.clear();
        nanosPerTick = 1e9 / r.ticksPerSec;
        Arrays.fill(frameTypes, null);
        Map<Integer, String> types = r.enums.get("jdk.types.FrameType");
        if (types != null) {
            types.forEach((k, v) -> {
                if (k >= 0 && k < 256) {
                    frameTypes[k] = FrameType.ofJfrName(v);
                }
            });
        }
        defaultState = r.getEnumKey("jdk.types.ThreadState", "STATE_DEFAULT");
    }

    private void add(Event e) {
        long time = r.chunkStartNanos + (long) ((e.time - r.chunkStartTicks) * nanosPerTick);
        if (e instanceof ExecutionSample s) {
            // async-profiler marks cpu samples with STATE_DEFAULT and wall samples with the thread's real state
            EventKind kind = s.threadState == defaultState ? EventKind.CPU : EventKind.WALL;
            b.add(kind, time, thread(e.tid), stack(e.stackTraceId), s.samples, -1);
        } else if (e instanceof AllocationSample a) {
            long bytes = a.tlabSize != 0 ? a.tlabSize : a.allocationSize;
            b.add(EventKind.ALLOC, time, thread(e.tid), stack(e.stackTraceId), bytes, allocClass(a.classId));
        } else if (e instanceof ContendedLock l) {
            b.add(EventKind.LOCK, time, thread(e.tid), stack(e.stackTraceId), l.duration, allocClass(l.classId));
        }
    }

    private int thread(int tid) {
        int id = threadIds.get(tid);
        if (id < 0) {
            Long javaId = r.javaThreads.get(tid);
            id = b.thread(r.threads.get(tid), javaId == null ? -tid : javaId);
            threadIds.put(tid, id);
        }
        return id;
    }

    private int allocClass(int classId) {
        int id = classIds.get(classId);
        if (id < 0) {
            ClassRef c = r.classes.get(classId);
            id = b.allocClass(c == null ? "[unknown class]" : ProfileReader.javaName(symbol(c.name)));
            classIds.put(classId, id);
        }
        return id;
    }

    private int stack(int stackTraceId) {
        int id = stackIds.get(stackTraceId);
        if (id >= 0) {
            return id;
        }
        StackTrace st = r.stackTraces.get(stackTraceId);
        int[] frames;
        if (st == null) {
            frames = new int[0];
        } else {
            // JfrReader keeps frames leaf first, as the model does
            frames = new int[st.methods.length];
            for (int i = 0; i < frames.length; i++) {
                FrameType type = frameTypes[st.types[i] & 0xff];
                if (type == null) {
                    type = FrameType.UNKNOWN;
                }
                int method = method(st.methods[i], type.isJava());
                int location = st.locations[i];
                int line = type.isJava() ? location >>> 16 : -1;
                int bci = type.isJava() ? location & 0xffff : -1;
                frames[i] = b.frame(method, line, bci, type);
            }
        }
        id = b.stack(frames);
        stackIds.put(stackTraceId, id);
        return id;
    }

    private int method(long jfrMethodId, boolean java) {
        // method ids are small in practice; the int map avoids boxing on every frame of every new stack
        boolean small = jfrMethodId >= 0 && jfrMethodId <= Integer.MAX_VALUE;
        int cached = small ? smallMethodIds.get((int) jfrMethodId) : -1;
        if (cached >= 0) {
            return cached;
        }
        Integer id = small ? null : methodIds.get(jfrMethodId);
        if (id == null) {
            one.jfr.MethodRef m = r.methods.get(jfrMethodId);
            if (m == null) {
                id = b.method("", "[unknown method]", "");
            } else {
                ClassRef c = r.classes.get(m.cls);
                // a native, kernel or C++ frame's "class" is its library (libc.so.6, libjvm.so): not a
                // class, and read as one it showed as "6.clone3"; such frames carry no class
                String cls = c == null || !java ? "" : ProfileReader.javaName(symbol(c.name));
                // async-profiler gives native, kernel and C++ frames a placeholder signature
                id = b.method(cls, symbol(m.name), java ? symbol(m.sig) : "");
            }
            if (small) {
                smallMethodIds.put((int) jfrMethodId, id);
            } else {
                methodIds.put(jfrMethodId, id);
            }
        }
        return id;
    }

    private String symbol(long id) {
        byte[] bytes = r.symbols.get(id);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
