package dev.hoist.core.report.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes findings as {@code {"findings": [...]}}: the stable machine-readable form of
 * {@code hoist analyze --format json}. Field names are part of the interface; add, never rename.
 */
public final class FindingsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsJson() {
    }

    /** Where a finding is, as every JSON report spells it: class, method, descriptor, file, line, loopLines. */
    public static void putLocation(ObjectNode o, Finding f) {
        o.put("class", f.className());
        o.put("method", f.method());
        o.put("descriptor", f.descriptor());
        o.put("file", f.file());
        o.put("line", f.line());
        o.putArray("loopLines").add(f.firstLoopLine()).add(f.lastLoopLine());
    }

    public static ObjectNode toTree(List<Finding> findings) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("rule", f.rule());
            putLocation(o, f);
            int[] bcis = f.loopBcis();
            o.putArray("loopBciRange").add(bcis.length == 0 ? -1 : bcis[0]).add(bcis.length == 0 ? -1 : bcis[bcis.length - 1]);
            ArrayNode all = o.putArray("loopBcis");
            for (int b : bcis) all.add(b);
            o.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            o.put("score", f.score());
            o.put("confidence", f.confidence().name().toLowerCase(java.util.Locale.ROOT));
            o.put("message", f.message());
            o.put("mechanism", f.mechanism());
            ObjectNode fix = o.putObject("fix");
            fix.put("before", f.fix().before());
            fix.put("after", f.fix().after());
            ArrayNode ev = o.putArray("evidence");
            f.evidence().forEach(ev::add);
            if (!f.loopSource().isEmpty()) {
                ArrayNode src = o.putArray("loopSource");
                f.loopSource().forEach(src::add);
            }
        }
        return root;
    }

    public static void write(List<Finding> findings, Writer out) throws IOException {
        write(findings, null, out);
    }

    /** As {@link #write(List, Writer)}, each finding with its "fingerprint" when {@code fingerprints} are given. */
    public static void write(List<Finding> findings, List<String> fingerprints, Writer out) throws IOException {
        ObjectNode tree = toTree(findings);
        if (fingerprints != null) {
            ArrayNode arr = (ArrayNode) tree.get("findings");
            for (int i = 0; i < arr.size(); i++) ((ObjectNode) arr.get(i)).put("fingerprint", fingerprints.get(i));
        }
        MAPPER.writeValue(new NonClosing(out), tree);
        out.write(System.lineSeparator());
        out.flush();
    }

    /** Jackson closes the target after writing; the caller owns it (often System.out). */
    static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
