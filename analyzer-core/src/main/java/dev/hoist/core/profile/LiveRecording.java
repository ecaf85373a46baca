package dev.hoist.core.profile;

import dev.hoist.core.HoistException;
import one.jfr.JfrReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.hoist.core.profile.ProfileReader.bad;

/**
 * Follows a JFR recording that a sampler is still writing, so that views can update while sampling
 * runs (the desktop window's live session polls it about once a second on a background thread).
 * Both samplers make the file grow by complete, self-contained chunks once per checkpoint; each
 * {@link #poll} reads only the chunks completed since the last one into one growing profile and
 * hands out an immutable snapshot, so a long session costs O(new data) per poll, not a re-read of
 * the file. A chunk still being written (its header has the placeholder size, or it extends past
 * the end of the file) is left for a later poll; a missing or not yet grown file is not an error.
 *
 * <p>On the finished file the last snapshot is the profile {@link ProfileReader#read} gives: the
 * same samples in the same order, the same methods, frames, stacks, threads and {@link ProfileInfo}.
 * That includes what happens to a damaged file: a corrupt first chunk (or a header that is not a
 * JFR chunk header at all) is a {@link HoistException} of kind BAD_INPUT naming the file, from this
 * poll and every later one; a corrupt chunk after good ones ends the recording there, with a
 * warning in the snapshot's {@link ProfileInfo#warnings()} naming the file and the chunk, and later
 * polls return nothing new. A chunk that looks broken is checked a second time before it counts as
 * corrupt, because a writer may be patching its header at that moment. One difference remains, for
 * JDK recordings with a chunk that the JDK's parser fails on: that parser reads one event ahead, so
 * a whole-file read loses the event before the failure, which a live read (that parsed it in an
 * earlier batch) keeps.
 *
 * <p>async-profiler's chunks are read by jfr-converter's JfrReader from a copy of their bytes, the
 * JDK's by {@code jdk.jfr.consumer.RecordingFile} from a temporary file (it reads only files) that
 * holds the new chunks behind the recording's first one; both go through the same chunk reading as
 * a whole-file read. Before the first chunk is complete, {@link #current} is an empty profile whose
 * {@link ProfileInfo#sampler()} is null, since nothing says yet which sampler wrote the file. Thread safe:
 * {@link #poll} is serialized and {@link #current} may be called from any thread.
 */
public final class LiveRecording {
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};
    // bounds the copy a JfrReader reads from; a batch holds at least one whole chunk, however large
    private static final int BATCH_BYTES = 16 << 20;

    private enum Format { ASYNC_PROFILER, JDK }

    private final Path file;
    private final ProfileBuilder builder = new ProfileBuilder();
    private final AsyncProfilerChunks asyncProfiler;
    private final JdkRecordingReader.Events jdk;
    private Format format;
    /** File offset just past the last chunk read. */
    private long consumed;
    private int chunksRead;
    /**
     * The first chunk's header once that chunk was read: final from then on, so a different one
     * means another recording now has the file's name.
     */
    private byte[] firstHeader;
    /** JDK recordings: the first chunk, and how many events it holds. */
    private JfrFraming.Chunk firstJdkChunk;
    private int firstJdkChunkEvents;
    /** A corrupt chunk ended the recording: nothing after it is read. */
    private boolean ended;
    private volatile Profile current;
    private volatile boolean compacted;

    public LiveRecording(Path file) {
        this.file = file;
        this.asyncProfiler = new AsyncProfilerChunks(file, builder);
        this.jdk = new JdkRecordingReader.Events(file, builder);
        this.current = new ProfileBuilder().build(new ProfileInfo(file, null, null, -1, -1, List.of()));
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the chunks completed since the last call and returns the new snapshot, or empty when
     * nothing new was complete (including when the file does not exist yet).
     *
     * @throws HoistException BAD_INPUT naming the file, when it is not a JFR recording, its first
     *                        chunk is corrupt, it shrank below what was read or another recording
     *                        replaced it, or it cannot be read
     */
    public synchronized Optional<Profile> poll() {
        if (ended) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            throw bad(file, "is a directory, not a recording");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < consumed) {
                throw bad(file, "shrank from " + consumed + " to " + size + " bytes while it was followed; was it replaced?");
            }
            if (consumed == 0) {
                checkMagic(ch);
            } else if (!Arrays.equals(head(ch), firstHeader)) {
                throw bad(file, "was replaced while it was followed (its first chunk changed)");
            }
            if (size == consumed) {
                return Optional.empty();
            }
            JfrFraming.Result scan = scan(ch);
            List<JfrFraming.Chunk> chunks = scan.chunkList();
            if (!chunks.isEmpty()) {
                if (firstHeader == null) {
                    firstHeader = head(ch);
                }
                read(ch, chunks);
            }
            boolean broken = scan.tailProblem() != null && !scan.tailIncomplete();
            if (broken && !ended) {
                if (chunksRead == 0) {
                    throw bad(file, scan.tailProblem());
                }
                if (format == Format.ASYNC_PROFILER) {
                    asyncProfiler.brokenAfter(scan.tailProblem());
                }
                ended = true;
            }
            if (chunks.isEmpty() && !broken) {
                return Optional.empty();
            }
            Profile p = snapshot(broken ? scan.tailProblem() : null);
            current = p;
            return Optional.of(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the chunks read so far, whole chunks only, into {@code target} (created owner-only):
     * a recording of what {@link #current} shows that any JFR reader reads, while the sampler goes
     * on writing this file. Returns the bytes copied; 0 when no chunk was complete yet.
     */
    public synchronized long copyReadChunks(Path target) throws IOException {
        dev.hoist.core.PrivateFiles.create(target);
        if (consumed == 0) {
            return 0;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long done = 0;
            while (done < consumed) {
                long n = in.transferTo(done, consumed - done, out);
                if (n <= 0) {
                    throw new IOException(file + " ends before the " + consumed + " bytes that were read from it");
                }
                done += n;
            }
            return done;
        }
    }

    /**
     * Bounds the memory of a long session: the samples read before {@code beforeNanos} are merged
     * per kind, thread, stack and class ({@link ProfileBuilder#compact}), totals kept, timed so that
     * {@link Profile#since} the recording's start or any of {@code marks} stays exact. Returns the
     * new snapshot, which {@link #current} then is; the recording on disk keeps every sample.
     */
    public synchronized Profile compact(long beforeNanos, long[] marks) {
        if (chunksRead == 0) {
            return current;
        }
        builder.compact(beforeNanos, marks);
        compacted = true;
        current = snapshot(null);
        return current;
    }

    /** Whether {@link #compact} merged samples: {@link #current} then no longer has each sample's time. */
    public boolean compacted() {
        return compacted;
    }

    /** The last snapshot; before the first chunk was read, an empty profile whose sampler is null. */
    public Profile current() {
        return current;
    }

    private void checkMagic(FileChannel ch) throws IOException {
        byte[] head = head(ch);
        for (int i = 0; i < Math.min(head.length, JFR_MAGIC.length); i++) {
            if (head[i] != JFR_MAGIC[i]) {
                throw bad(file, "not a JFR recording; only JFR recordings can be followed while they are written");
            }
        }
    }

    /** The first chunk header's bytes, or as many of them as the file has. */
    private static byte[] head(FileChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(JfrFraming.CHUNK_HEADER_SIZE);
        while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
            // a read may return fewer bytes than asked
        }
        return Arrays.copyOf(head.array(), head.position());
    }

    /**
     * The complete chunks after what was read. A broken one is looked at twice: a writer patching a
     * chunk header at the moment of the first look is no longer doing so at the second.
     */
    private JfrFraming.Result scan(FileChannel ch) throws IOException {
        JfrFraming.Result first;
        try {
            first = JfrFraming.scan(file, ch, consumed, chunksRead);
        } catch (HoistException e) {
            return JfrFraming.scan(file, ch, consumed, chunksRead);
        }
        if (first.tailProblem() == null || first.tailIncomplete()) {
            return first;
        }
        JfrFraming.Result second = JfrFraming.scan(file, ch, first.validBytes(), chunksRead + first.chunks());
        if (second.tailProblem() != null && !second.tailIncomplete() && second.chunks() == 0) {
            return first;
        }
        // it changed under us: read the chunks found before it, and look at it again next time
        return new JfrFraming.Result(first.chunkList(), first.validBytes(), "changed while read", true);
    }

    private void read(FileChannel ch, List<JfrFraming.Chunk> chunks) throws IOException {
        int i = 0;
        while (i < chunks.size() && !ended) {
            long from = chunks.get(i).start();
            int j = i + 1;
            while (j < chunks.size() && chunks.get(j).end() - from <= BATCH_BYTES) {
                j++;
            }
            List<JfrFraming.Chunk> batch = chunks.subList(i, j);
            long to = batch.get(batch.size() - 1).end();
            if (format != Format.JDK && !readAsyncProfiler(ch, from, to, batch)) {
                ended = true;
            }
            if (format == Format.JDK) {
                // RecordingFile reads only files, and its read of one file is all or nothing per chunk list
                batch = chunks.subList(i, chunks.size());
                to = chunks.get(chunks.size() - 1).end();
                if (!readJdk(ch, batch)) {
                    ended = true;
                }
                j = chunks.size();
            }
            chunksRead += batch.size();
            consumed = to;
            i = j;
        }
    }

    /** Reads a batch of async-profiler chunks; on the first batch, finds out whether they are. */
    private boolean readAsyncProfiler(FileChannel ch, long from, long to, List<JfrFraming.Chunk> batch) throws IOException {
        int length = (int) (to - from);
        ByteBuffer bytes = ByteBuffer.allocate(length + JfrFraming.CHUNK_HEADER_SIZE).limit(length);
        while (bytes.hasRemaining()) {
            if (ch.read(bytes, from + bytes.position()) < 0) {
                throw new IOException("the file ended at " + (from + bytes.position()) + " inside a chunk it claimed");
            }
        }
        // A JfrReader over a buffer stops reading events once fewer than a chunk header's bytes are
        // left, where one over a file reads on to the end. A chunk header after the last chunk makes
        // it stop on a chunk boundary instead, as it does between chunks; it is never parsed.
        bytes.limit(bytes.capacity()).put(JFR_MAGIC).position(0);
        JfrReader reader;
        try {
            reader = BoundedJfrReader.open(bytes);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (chunksRead == 0) {
                throw JfrProfileReader.openFailed(file, e);
            }
            asyncProfiler.failed(e);
            return false;
        }
        if (format == null) {
            format = AsyncProfilerChunks.isAsyncProfiler(reader) ? Format.ASYNC_PROFILER : Format.JDK;
            if (format == Format.JDK) {
                return true;
            }
        }
        return asyncProfiler.read(reader, from, batch, bytes);
    }

    /**
     * Reads JDK chunks through a temporary file. The JDK's parser times every chunk of a file by the
     * clock of the file's first chunk, and per chunk the clocks differ by some nanoseconds; so after
     * the first chunk, the new chunks are read behind a copy of it whose events are skipped, and
     * get the times a whole-file read gives them.
     */
    private boolean readJdk(FileChannel ch, List<JfrFraming.Chunk> chunks) throws IOException {
        Path copy = Files.createTempFile("hoist-live-", ".jfr");
        try {
            if (firstJdkChunk == null) {
                firstJdkChunk = chunks.get(0);
                JdkRecordingReader.copy(ch, copy, range(firstJdkChunk));
                int before = jdk.events();
                if (!jdk.read(copy, 0)) {
                    return false;
                }
                firstJdkChunkEvents = jdk.events() - before;
                chunks = chunks.subList(1, chunks.size());
                if (chunks.isEmpty()) {
                    return true;
                }
            }
            JdkRecordingReader.copy(ch, copy, range(firstJdkChunk),
                    new long[] {chunks.get(0).start(), chunks.get(chunks.size() - 1).end()});
            return jdk.read(copy, firstJdkChunkEvents);
        } finally {
            JdkRecordingReader.deleteQuietly(copy);
        }
    }

    private static long[] range(JfrFraming.Chunk c) {
        return new long[] {c.start(), c.end()};
    }

    private Profile snapshot(String brokenTail) {
        if (format == Format.JDK) {
            String stopped = jdk.warning() != null ? jdk.warning()
                    : brokenTail == null ? null : file + ": " + brokenTail + "; kept the " + chunksRead + " complete chunk(s) before it";
            return jdk.build(stopped == null ? List.of() : List.of(stopped), true);
        }
        return builder.snapshot(asyncProfiler.info(JfrProfileReader.warnings(file, builder, asyncProfiler.warning())));
    }
}
