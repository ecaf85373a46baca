package dev.hoist.core.report.findings;

import dev.hoist.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings for a terminal, grouped by class: each finding with its line, severity, rule,
 * message and fix, and the loop's source lines (numbered, the reported line marked) when the
 * analysis was given source directories.
 */
public final class FindingsText {
    private FindingsText() {
    }

    public static void write(List<Finding> findings, Writer raw) throws IOException {
        write(findings, raw, "");
    }

    /** As {@link #write(List, Writer)}, with {@code summary} added to the closing count ("(128 classes read)"). */
    public static void write(List<Finding> findings, Writer raw, String summary) throws IOException {
        write(findings, raw, summary, false);
    }

    /** As {@link #write(List, Writer, String)}; {@code measured}: the findings were ranked by a recording, so the closing advice to get one is left out. */
    public static void write(List<Finding> findings, Writer raw, String summary, boolean measured) throws IOException {
        // names, messages and source lines come from the analyzed files: no escape sequence of theirs reaches the terminal
        Writer out = dev.hoist.core.SafeText.writer(raw);
        String nl = System.lineSeparator();
        if (findings.isEmpty()) {
            out.write("No findings." + nl);
            out.flush();
            return;
        }
        Map<String, List<Finding>> byClass = new LinkedHashMap<>();
        for (Finding f : findings) byClass.computeIfAbsent(f.className(), k -> new java.util.ArrayList<>()).add(f);
        for (var e : byClass.entrySet()) {
            Finding first = e.getValue().get(0);
            out.write(e.getKey() + (first.file() != null ? " (" + first.file() + ")" : "") + nl);
            for (Finding f : e.getValue()) {
                out.write("  line " + f.line() + "  " + f.severity() + "  [" + f.rule() + "]  in " + f.method() + "()" + nl);
                out.write("    " + f.message() + nl);
                if (!f.loopSource().isEmpty()) {
                    out.write("    loop, lines " + f.firstLoopLine() + "-" + f.lastLoopLine() + ":" + nl);
                    int n = f.firstLoopLine();
                    for (String s : f.loopSource()) {
                        out.write(String.format("    %s%5d | %s%n", n == f.line() ? ">" : " ", n, s));
                        n++;
                    }
                }
                out.write("    before:" + nl + indent(f.fix().before(), "      ") + "    after:" + nl + indent(f.fix().after(), "      "));
            }
            out.write(nl);
        }
        out.write(findings.size() + (findings.size() == 1 ? " finding" : " findings") + " in " + byClass.size()
                + (byClass.size() == 1 ? " class" : " classes") + (summary.isEmpty() ? "" : " " + summary) + nl);
        if (!measured) out.write(nl + HOT_OR_COLD + nl);
        out.flush();
    }

    /**
     * What bytecode alone cannot say, and how to get it: in hand-labelled samples of real libraries
     * (docs/analyze-precision) few findings were worth acting on, most for sitting in code that is
     * cold or small beside its loop's other work, which only a profile tells.
     */
    public static final String HOT_OR_COLD = "The bytecode does not say which of these loops run hot: in hand-labelled samples of real "
            + "libraries most findings sat in cold code or beside work that dwarfs them. To rank them by what fixing each saves, "
            + "record the program (hoist run -- java ..., or hoist profile <pid>) and read the recording with "
            + "hoist report --classpath <your jars>.";

    private static String indent(String text, String pad) {
        StringBuilder b = new StringBuilder();
        for (String l : text.split("\n", -1)) b.append(pad).append(l).append(System.lineSeparator());
        return b.toString();
    }
}
