package dev.hoist.core.report.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings as a SARIF 2.1.0 log, the format code-scanning tools (GitHub code scanning,
 * IDE SARIF viewers) import: one run, one {@code tool.driver.rules} entry per rule, one result per
 * finding located by the source path (package directory plus source file name) and line.
 */
public final class FindingsSarif {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsSarif() {
    }

    public static ObjectNode toTree(List<Finding> findings, Collection<Rule> rules, String toolVersion) {
        return toTree(findings, rules, toolVersion, SarifLinks.defaults());
    }

    /** The log, with each rule's {@code helpUri}, the tool's {@code informationUri} and locations resolved as {@code links} says. */
    public static ObjectNode toTree(List<Finding> findings, Collection<Rule> rules, String toolVersion, SarifLinks links) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Hoist");
        driver.put("version", toolVersion);
        driver.put("informationUri", links.informationUri());
        ArrayNode ruleArr = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Rule r : rules) {
            index.put(r.id(), index.size());
            ObjectNode o = ruleArr.addObject();
            o.put("id", r.id());
            o.put("name", camel(r.id()));
            o.putObject("shortDescription").put("text", r.title());
            o.putObject("fullDescription").put("text", r.mechanism());
            o.putObject("help").put("text", r.mechanism());
            o.put("helpUri", links.helpUri(r.id()));
        }
        ArrayNode results = run.putArray("results");
        boolean fromRepository = false;
        boolean fromSourceRoot = false;
        for (Finding f : findings) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.rule());
            Integer i = index.get(f.rule());
            if (i != null) res.put("ruleIndex", i);
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message());
            ObjectNode loc = res.putArray("locations").addObject();
            ObjectNode phys = loc.putObject("physicalLocation");
            String packagePath = packagePath(f);
            String inRepository = links.fromRepository(packagePath);
            fromRepository |= inRepository != null;
            fromSourceRoot |= inRepository == null;
            phys.putObject("artifactLocation").put("uri", percentEncoded(inRepository != null ? inRepository : packagePath))
                    .put("uriBaseId", inRepository != null ? SarifLinks.REPOSITORY : SarifLinks.SOURCE_ROOT);
            if (f.line() > 0) {
                ObjectNode region = phys.putObject("region");
                region.put("startLine", f.line());
            }
            loc.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", f.className() + "." + f.method())
                    .put("kind", "function");
            ObjectNode props = res.putObject("properties");
            props.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            props.put("confidence", f.confidence().name().toLowerCase(java.util.Locale.ROOT));
            props.put("descriptor", f.descriptor());
            props.putArray("loopLines").add(f.firstLoopLine()).add(f.lastLoopLine());
            props.put("fixBefore", f.fix().before());
            props.put("fixAfter", f.fix().after());
        }
        ObjectNode bases = MAPPER.createObjectNode();
        if (fromRepository) {
            bases.putObject(SarifLinks.REPOSITORY).put("uri", links.repositoryRoot().toUri().toString())
                    .putObject("description").put("text", "The repository's root: locations are paths in the checkout.");
        }
        if (fromSourceRoot) {
            bases.putObject(SarifLinks.SOURCE_ROOT).putObject("description").put("text", "A Java source root (such as "
                    + "src/main/java): locations are the class's package folder and source file, as javac looks them up. Give "
                    + "hoist --source with the source folders to get paths from the repository's root.");
        }
        if (!bases.isEmpty()) run.set("originalUriBaseIds", bases);
        return root;
    }

    public static void write(List<Finding> findings, Collection<Rule> rules, String toolVersion, Writer out) throws IOException {
        write(findings, rules, toolVersion, null, false, out);
    }

    /**
     * As {@link #write(List, Collection, String, Writer)}, each result with its {@link
     * dev.hoist.core.rule.Fingerprints fingerprint} in {@code partialFingerprints} (when given), and,
     * when the findings were compared with a baseline, {@code baselineState: "new"} (the ones in it
     * are not reported).
     */
    public static void write(List<Finding> findings, Collection<Rule> rules, String toolVersion, List<String> fingerprints,
                             boolean againstBaseline, Writer out) throws IOException {
        write(findings, rules, toolVersion, fingerprints, againstBaseline, SarifLinks.defaults(), out);
    }

    /** As {@link #write(List, Collection, String, List, boolean, Writer)}, with links and locations as {@code links} says. */
    public static void write(List<Finding> findings, Collection<Rule> rules, String toolVersion, List<String> fingerprints,
                             boolean againstBaseline, SarifLinks links, Writer out) throws IOException {
        ObjectNode tree = toTree(findings, rules, toolVersion, links);
        ArrayNode results = (ArrayNode) tree.path("runs").path(0).path("results");
        for (int i = 0; i < results.size(); i++) {
            ObjectNode res = (ObjectNode) results.get(i);
            if (fingerprints != null) res.putObject("partialFingerprints").put(dev.hoist.core.rule.Fingerprints.SARIF_KEY, fingerprints.get(i));
            if (againstBaseline) res.put("baselineState", "new");
        }
        MAPPER.writeValue(new FindingsJson.NonClosing(out), tree);
        out.write(System.lineSeparator());
        out.flush();
    }

    /** SARIF levels: error, warning, note. */
    static String level(Severity s) {
        return switch (s) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    /** The source path relative to a source root, as javac would have found it: package directory plus file name. */
    static String uri(Finding f) {
        return percentEncoded(packagePath(f));
    }

    /** The package folder and source file name of the finding's class, not encoded. */
    static String packagePath(Finding f) {
        String cls = f.className();
        int dot = cls.lastIndexOf('.');
        String dir = dot < 0 ? "" : cls.substring(0, dot).replace('.', '/') + "/";
        String file = f.file() != null ? f.file() : cls.substring(dot + 1).replaceAll("\\$.*", "") + ".java";
        return dir + file;
    }

    /**
     * A relative URI reference for a path (RFC 3986): every byte of its UTF-8 but unreserved
     * characters and the {@code /} separators is percent-encoded, so spaces, {@code <script>},
     * control and bidirectional characters from a target's file names reach SARIF viewers as data.
     */
    static String percentEncoded(String path) {
        StringBuilder b = new StringBuilder(path.length() + 16);
        for (byte x : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    private static String camel(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-", -1)) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }
}
