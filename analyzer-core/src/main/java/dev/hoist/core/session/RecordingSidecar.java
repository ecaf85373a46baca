package dev.hoist.core.session;

import dev.hoist.core.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What Hoist knew when it made a recording (the class path it read the target's classes from,
 * the source folders, the target and the events), kept next to the recording as
 * {@code <recording>.hoist.json}: opened later, in the window or by {@code hoist report}, the
 * recording is advised as the run that made it was, without the class path being typed again.
 * The sidecar is a convenience: when it is missing, broken or too big, the recording opens as
 * before, and a class path given by the user wins over the one it holds. Like the recording, it is
 * readable by its owner only (it names the application's files).
 */
public final class RecordingSidecar {
    /** The sidecar's format id, in its {@code schema} field. */
    public static final String SCHEMA = "hoist.recording/1";
    private static final long MAX_BYTES = 1024 * 1024;

    private RecordingSidecar() {
    }

    /** Where the sidecar of {@code recording} is: {@code app.jfr} has {@code app.jfr.hoist.json}. */
    public static Path of(Path recording) {
        return recording.resolveSibling(recording.getFileName() + ".hoist.json");
    }

    /** Writes the sidecar of {@code recording}; the schema field is set to {@link #SCHEMA}. */
    public static void write(Path recording, SessionArchive.Meta meta) throws IOException {
        Path file = of(recording);
        SessionArchive.Meta m = new SessionArchive.Meta(SCHEMA, meta.title(), meta.target(), meta.sampler(), meta.events(),
                meta.classPath(), meta.sources(), recording.getFileName().toString(), meta.savedAtEpochMillis());
        PrivateFiles.create(file);
        Files.write(file, SessionArchive.JSON.writeValueAsBytes(m), LinkOption.NOFOLLOW_LINKS, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The sidecar of {@code recording}, or empty when there is none or it cannot be read as one. */
    public static Optional<SessionArchive.Meta> read(Path recording) {
        Path file = of(recording);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            SessionArchive.Meta m = SessionArchive.JSON.readValue(file.toFile(), SessionArchive.Meta.class);
            return m != null && SCHEMA.equals(m.schema()) ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a broken sidecar costs the convenience, never the recording
        }
    }
}
