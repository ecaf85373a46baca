package dev.hoist.core.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hoist.core.PrivateFiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            SessionArchive.Meta m = parse(Files.readAllBytes(file));
            return m != null && SCHEMA.equals(m.schema()) ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a broken sidecar costs the convenience, never the recording
        }
    }

    /**
     * Reads a sidecar with jackson-core's streaming parser: {@code hoist report} reads one on every
     * run, and binding it with databind cost about 90 ms of class loading and introspection, more
     * than the rest of a small report's advice (measured with async-profiler on the demo's recording).
     */
    static SessionArchive.Meta parse(byte[] json) throws IOException {
        Map<String, String> text = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        long savedAt = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    List<String> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() == JsonToken.VALUE_STRING) {
                            items.add(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                    lists.put(name, items);
                } else if (value == JsonToken.VALUE_NUMBER_INT && name.equals("savedAtEpochMillis")) {
                    savedAt = p.getLongValue();
                } else if (value == JsonToken.VALUE_STRING) {
                    text.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return new SessionArchive.Meta(text.get("schema"), text.get("title"), text.get("target"), text.get("sampler"),
                lists.get("events"), text.get("classPath"), lists.get("sources"), text.get("recordingName"), savedAt);
    }
}
