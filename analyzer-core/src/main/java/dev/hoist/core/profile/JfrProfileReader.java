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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.hoist.core.profile.ProfileReader.bad;

/** Reads JFR files: async-profiler's with jfr-converter's JfrReader, the JDK's via {@link JdkRecordingReader}. */
final class JfrProfileReader {

    private JfrProfileReader() {
    }

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

    static Profile read(Path file) {
        JfrFraming.Result framing = JfrFraming.check(file);
        JfrReader reader;
        try {
            reader = new JfrReader(file.toString());
        } catch (IOException e) {
            throw bad(file, describeOpenFailure(e), e);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw bad(file, "corrupt JFR recording (" + e.getClass().getSimpleName() + " while reading the first chunk's metadata)", e);
        }
        try (reader) {
            boolean asyncProfiler = reader.typesByName.keySet().stream().anyMatch(n -> n.startsWith("profiler."));
            if (!asyncProfiler) {
                reader.close();
                return JdkRecordingReader.read(file, framing);
            }
            return new AsyncProfilerRead(file, reader, framing).read();
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    static String describeOpenFailure(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Incomplete")) {
            return "truncated JFR recording (its first chunk is incomplete; was the recording still being written?)";
        }
        if (m.contains("Unsupported JFR version")) {
            return m;
        }
        return "corrupt JFR recording (" + m + ")";
    }

    /** One pass over an async-profiler recording, chunk by chunk, since ids are only valid within a chunk. */
    private static final class AsyncProfilerRead {
        private final Path file;
        private final JfrReader r;
        private final ProfileBuilder b = new ProfileBuilder();
        private final IntIntMap stackIds = new IntIntMap();
        private final IntIntMap threadIds = new IntIntMap();
        private final IntIntMap classIds = new IntIntMap();
        private final IntIntMap smallMethodIds = new IntIntMap();
        private final Map<Long, Integer> methodIds = new java.util.HashMap<>();
        private final FrameType[] frameTypes = new FrameType[256];
        private int defaultState = Integer.MIN_VALUE;
        private double nanosPerTick;

        private final JfrFraming.Result framing;

        AsyncProfilerRead(Path file, JfrReader reader, JfrFraming.Result framing) {
            this.file = file;
            this.r = reader;
            this.framing = framing;
        }

        Profile read() {
            List<String> warnings = new ArrayList<>();
            r.stopAtNewChunk = true;
            int chunks = 0;
            int completeSize = 0;
            try {
                while (chunks < framing.chunks() && r.hasMoreChunks()) {
                    startChunk();
                    JfrFraming.Boundaries chunk = FILE_POSITION == null ? null
                            : JfrFraming.boundaries(file, framing.chunkList().get(chunks));
                    for (Event e; (e = r.readEvent()) != null; ) {
                        if (FILE_POSITION != null && !chunk.isBoundary(position())) {
                            throw new IOException("an event's fields overrun its record at offset " + position());
                        }
                        add(e);
                    }
                    chunks++;
                    completeSize = b.size();
                }
                if (framing.tailProblem() != null) {
                    warnings.add(file + ": " + framing.tailProblem() + "; kept the " + chunks + " complete chunk(s) before it");
                }
            } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                if (chunks == 0) {
                    throw bad(file, "corrupt JFR recording (" + describe(e) + ")", e);
                }
                b.truncate(completeSize);
                warnings.add(file + ": chunk " + (chunks + 1) + " is corrupt (" + describe(e) + "); kept the " + chunks + " chunk(s) before it");
            }
            if (b.size() == 0 && warnings.isEmpty()) {
                warnings.add(file + ": the recording holds no samples");
            }
            long duration = r.endNanos > r.startNanos ? r.endNanos - r.startNanos : -1;
            return b.build(new ProfileInfo(file, Sampler.ASYNC_PROFILER, r.settings.get("engine"),
                    r.startNanos == Long.MAX_VALUE ? -1 : r.startNanos, duration, warnings));
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
            java.util.Arrays.fill(frameTypes, null);
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
                    String cls = c == null ? "" : ProfileReader.javaName(symbol(c.name));
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

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
