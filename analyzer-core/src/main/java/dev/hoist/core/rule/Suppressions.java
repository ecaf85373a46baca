package dev.hoist.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Findings a team decided not to see, from a config file kept beside the build, as SpotBugs'
 * exclude filters and PMD's rulesets do (the {@code @SuppressHoist} annotation does the same in
 * code). The file is JSON:
 *
 * <pre>{"suppress": [
 *   {"rule": "megamorphic-call-in-loop"},
 *   {"package": "com.acme.generated"},
 *   {"class": "com.acme.Legacy", "rule": "boxing-in-loop", "reason": "rewritten next quarter"}
 * ]}</pre>
 *
 * An entry suppresses a finding when everything it names matches: {@code rule} by id, {@code class}
 * that class and its nested classes, {@code package} that package and those under it.
 */
public final class Suppressions {
    private static final Set<String> KEYS = Set.of("rule", "class", "package", "reason");

    private record Entry(String rule, String cls, String pkg) {
        boolean matches(Finding f) {
            String c = f.className();
            return (rule == null || rule.equals(f.rule()))
                    && (cls == null || c.equals(cls) || c.startsWith(cls + "$"))
                    && (pkg == null || c.startsWith(pkg + "."));
        }
    }

    private final List<Entry> entries;

    private Suppressions(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    public boolean suppresses(Finding f) {
        for (Entry e : entries) if (e.matches(f)) return true;
        return false;
    }

    /**
     * Reads the config; a file that is missing, not JSON, or has an entry with an unknown key or a
     * rule id no loaded rule has is bad input (exit 8) in one line, so a typo never silently suppresses
     * nothing.
     */
    public static Suppressions read(Path file, Set<String> ruleIds) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot read the config " + file + ": "
                    + (Files.exists(file) ? "not JSON (" + e.getClass().getSimpleName() + ")" : "no such file"), e);
        }
        if (root == null || !root.path("suppress").isArray()) {
            throw new HoistException(Failure.BAD_INPUT, "the config " + file + " has no \"suppress\" list");
        }
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("suppress")) {
            i++;
            List<String> unknown = new ArrayList<>();
            n.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) unknown.add(k);
            });
            if (!n.isObject() || !unknown.isEmpty() || !(n.has("rule") || n.has("class") || n.has("package"))) {
                throw new HoistException(Failure.BAD_INPUT, "the config " + file + ": entry " + i + " of \"suppress\" must name a "
                        + "rule, class or package" + (unknown.isEmpty() ? "" : " (unknown key " + String.join(", ", unknown) + ")"));
            }
            String rule = n.has("rule") ? n.get("rule").asText() : null;
            if (rule != null && !ruleIds.contains(rule)) {
                throw new HoistException(Failure.BAD_INPUT, "the config " + file + ": entry " + i + " names the rule '" + rule
                        + "', which no loaded rule has");
            }
            out.add(new Entry(rule, n.has("class") ? n.get("class").asText() : null, n.has("package") ? n.get("package").asText() : null));
        }
        return new Suppressions(out);
    }
}
