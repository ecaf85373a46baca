package dev.hoist.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team already knows about, by {@link Fingerprints fingerprint}: {@code hoist analyze
 * --baseline FILE} reports only findings not in it, so a CI gate fails on what a change adds. The
 * file is JSON ({@code hoist.baseline/1}) that says, beside each fingerprint, which finding it was,
 * so a reviewer can read what was accepted.
 */
public final class Baseline {
    public static final String FORMAT = "hoist.baseline/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    public int size() {
        return fingerprints.size();
    }

    /** Reads a baseline; a missing, unreadable or foreign file is bad input (exit 8) in one line. */
    public static Baseline read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot read the baseline " + file + ": "
                    + (Files.exists(file) ? "not JSON (" + e.getClass().getSimpleName() + ")" : "no such file"), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("findings").isArray()) {
            throw new HoistException(Failure.BAD_INPUT, "the baseline " + file + " is not a Hoist baseline (no \"format\": \""
                    + FORMAT + "\"); write one with --write-baseline");
        }
        Set<String> fps = new LinkedHashSet<>();
        for (JsonNode f : root.path("findings")) {
            String fp = f.path("fingerprint").asText("");
            if (!fp.isEmpty()) fps.add(fp);
        }
        return new Baseline(fps);
    }

    /** Writes {@code findings} (with their fingerprints, in the same order) as a baseline: a file meant to be committed. */
    public static void write(Path file, List<Finding> findings, List<String> fingerprints, String toolVersion) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("tool", "Hoist " + toolVersion);
        ArrayNode arr = root.putArray("findings");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            ObjectNode o = arr.addObject();
            o.put("fingerprint", fingerprints.get(i));
            o.put("rule", f.rule());
            o.put("class", f.className());
            o.put("method", f.method());
            o.put("line", f.line());
            o.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file)) {
            MAPPER.writeValue(w, root);
        }
    }
}
