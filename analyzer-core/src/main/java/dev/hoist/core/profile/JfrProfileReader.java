package dev.hoist.core.profile;

import dev.hoist.core.HoistException;
import one.jfr.JfrReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.hoist.core.profile.ProfileReader.bad;

/** Reads JFR files: async-profiler's with jfr-converter's JfrReader, the JDK's via {@link JdkRecordingReader}. */
final class JfrProfileReader {

    private JfrProfileReader() {
    }

    static Profile read(Path file) {
        JfrFraming.Result framing = JfrFraming.check(file);
        JfrReader reader;
        try {
            reader = BoundedJfrReader.open(file.toString(), java.nio.file.Files.size(file));
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw openFailed(file, e);
        }
        try (reader) {
            if (!AsyncProfilerChunks.isAsyncProfiler(reader)) {
                reader.close();
                return JdkRecordingReader.read(file, framing);
            }
            ProfileBuilder b = new ProfileBuilder();
            AsyncProfilerChunks chunks = new AsyncProfilerChunks(file, b);
            if (chunks.read(reader, 0, framing.chunkList(), null) && framing.tailProblem() != null) {
                chunks.brokenAfter(framing.tailProblem());
            }
            return b.finish(chunks.info(warnings(file, b, chunks.warning())));
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** JfrReader's constructor failed on the recording's first chunk. */
    static HoistException openFailed(Path file, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return bad(file, firstChunkProblem(e), e);
        }
        if (e instanceof BoundedJfrReader.CorruptSize) {
            return bad(file, "corrupt JFR recording (" + e.getMessage() + ")", e);
        }
        if (!(e instanceof IOException io)) {
            return bad(file, "corrupt JFR recording (" + e.getClass().getSimpleName() + " while reading the first chunk's metadata)", e);
        }
        return bad(file, describeOpenFailure(io), e);
    }

    private static String describeOpenFailure(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Incomplete")) {
            return "truncated JFR recording (its first chunk is incomplete; was the recording still being written?)";
        }
        if (m.contains("Unsupported JFR version")) {
            return m;
        }
        return "corrupt JFR recording (" + m + ")";
    }

    /** The warning about where reading stopped early, or else one about an empty recording. */
    static List<String> warnings(Path file, ProfileBuilder b, String stoppedEarly) {
        if (stoppedEarly != null) {
            return List.of(stoppedEarly);
        }
        return b.size() == 0 ? List.of(file + ": the recording holds no samples") : List.of();
    }

    /**
     * Why the first chunk could not be read. Running out of heap is said as such: a recording too
     * large for the heap is far more common than a corrupt size field, and the user can act on it.
     */
    static String firstChunkProblem(Throwable e) {
        return e instanceof OutOfMemoryError ? "not readable in this heap (" + outOfMemory() + ")"
                : "corrupt JFR recording (" + describe(e) + ")";
    }

    /** What happened to a chunk after good ones: "is corrupt (...)" or that the heap ran out. */
    static String chunkProblem(Throwable e) {
        return e instanceof OutOfMemoryError ? "could not be read (" + outOfMemory() + ")" : "is corrupt (" + describe(e) + ")";
    }

    static String outOfMemory() {
        return "out of memory with a " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap: the recording is "
                + "too large for it, or a size field in it is corrupt; give Hoist more heap, e.g. HOIST_JAVA_OPTS=-Xmx4g";
    }

    static String describe(Throwable e) {
        if (e instanceof BoundedJfrReader.CorruptSize) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
