package dev.hoist.core.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.advice.AdviceReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A saved session ({@code .hoist}): one zip file with the recording as it was sampled, the ranked
 * advice as it was computed (so it can be read again after the target and its class files are
 * gone) and a little about where they came from. Written to a temporary file and moved into place,
 * so a failed save never damages an earlier one. Opening extracts the recording into a scratch
 * folder, since the recording readers work on files.
 */
public final class SessionArchive {
    /** The archive's format id, in {@code session.json}. */
    public static final String SCHEMA = "hoist.session/1";
    static final String META = "session.json";
    static final String ADVICE = "advice.json";
    static final String RECORDING = "recording";
    private static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SessionArchive() {
    }

    /**
     * What a session says about itself.
     *
     * @param title     what the window showed as the session's name ("DemoMain (PID 1234)")
     * @param target    the sampled JVM, or where the recording came from
     * @param sampler   "async-profiler 4.2 (perf_events)", "jfr", or null for a recording opened from disk
     * @param events    the events that were sampled
     * @param classPath where the hot classes' bytes were read from (may be empty)
     * @param sources   source folders that were used (may be empty)
     * @param recordingName the recording's original file name
     */
    public record Meta(String schema, String title, String target, String sampler, List<String> events,
                       String classPath, List<String> sources, String recordingName, long savedAtEpochMillis) {
        public Meta {
            events = events == null ? List.of() : List.copyOf(events);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** An opened archive: its description, the extracted recording and the saved advice (null when none was saved). */
    public record Opened(Meta meta, Path recording, AdviceReport advice) {
    }

    /** Writes {@code recording} and {@code advice} (may be null) into {@code file}. */
    public static void save(Path file, Meta meta, Path recording, AdviceReport advice) {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, ".hoist-save-", ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                zip.putNextEntry(new ZipEntry(META));
                zip.write(JSON.writeValueAsBytes(meta));
                zip.closeEntry();
                if (advice != null) {
                    zip.putNextEntry(new ZipEntry(ADVICE));
                    zip.write(JSON.writeValueAsBytes(advice));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(RECORDING + extension(recording)));
                Files.copy(recording, zip);
                zip.closeEntry();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot save the session to " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file beside the target is harmless
                }
            }
        }
    }

    /** Whether the file starts like a zip (a session) rather than a recording. */
    public static boolean looksLikeSession(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens a session file; the recording is extracted into {@code scratch}. */
    public static Opened open(Path file, Path scratch) {
        if (!Files.isRegularFile(file)) {
            throw bad(file, "no such file");
        }
        Meta meta = null;
        AdviceReport advice = null;
        Path recording = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            Files.createDirectories(scratch);
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.equals(META)) {
                    meta = JSON.readValue(limited(zip, file), Meta.class);
                } else if (name.equals(ADVICE)) {
                    advice = JSON.readValue(limited(zip, file), AdviceReport.class);
                } else if (name.startsWith(RECORDING) && !name.contains("/") && !name.contains("\\") && !name.contains("..")) {
                    recording = scratch.resolve(name);
                    try (OutputStream out = Files.newOutputStream(recording)) {
                        zip.transferTo(out);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw bad(file, "not a readable Hoist session (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
        }
        if (meta == null || !SCHEMA.equals(meta.schema())) {
            throw bad(file, "not a Hoist session (no " + META + " with schema " + SCHEMA + ")");
        }
        if (recording == null) {
            throw bad(file, "the session holds no recording");
        }
        return new Opened(meta, recording, advice);
    }

    private static byte[] limited(ZipInputStream zip, Path file) throws IOException {
        byte[] bytes = zip.readNBytes((int) MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) {
            throw bad(file, "an entry is larger than " + (MAX_JSON_BYTES >> 20) + " MB");
        }
        return bytes;
    }

    private static String extension(Path recording) {
        String n = recording.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? ".txt" : n.substring(dot);
    }

    private static HoistException bad(Path file, String what) {
        return new HoistException(Failure.BAD_INPUT, file + ": " + what);
    }
}
