package dev.hoist.core.report.advice;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.SiteCost;
import dev.hoist.core.rule.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The ranked advice as terminal text, printed after the profile report's hot methods: per advice
 * its rank, the loop's measured share (time, and allocation share when allocations were sampled),
 * rule, confidence, location, loop lines, message, evidence lines and the before/after fix; then
 * the methods whose bytes could not be read and how many findings were hidden as unsampled.
 * Colour is ANSI and only used when asked (a terminal).
 */
public final class AdviceText {
    /** Same width as the profile report above it. */
    static final int WIDTH = 100;
    private static final String BOLD = "\u001b[1m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final Writer out;
    private final boolean color;

    private AdviceText(Writer out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public static void write(AdviceReport report, Writer out, boolean color) {
        try {
            new AdviceText(out, color).write(report);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(AdviceReport r) throws IOException {
        line("");
        line(style(BOLD, "Advice") + " (" + r.advice().size() + ", ranked by what fixing each can save, measured at its site; "
                + r.methodsAnalysed().size() + " hot methods analyzed)");
        for (String n : r.notices()) {
            wrap("  " + style(BOLD, "notice: "), "          ", n);
        }
        if (r.advice().isEmpty()) {
            // rules may have matched and been measured at next to nothing, been contradicted, or sat in code that did not run
            boolean measuredAway = r.contradicted() > 0 || r.notices().stream().anyMatch(n -> n.contains("more finding(s) at sites that ran"));
            line(measuredAway ? "  none worth showing: what the rules found in the hot methods would save under 0.1% here, or the profile contradicts it"
                    : "  none: no rule matched a sampled loop of the hot methods");
        }
        for (Advice a : r.advice()) {
            Finding f = a.finding();
            line("");
            line(style(BOLD, String.format(Locale.ROOT, "#%d", a.rank())) + "  " + style(YELLOW, share(a)) + "  "
                    + style(BOLD, f.rule()) + "  [confidence " + a.confidence().name().toLowerCase(Locale.ROOT)
                    + ", severity " + f.severity().name().toLowerCase(Locale.ROOT) + "]");
            wrap("    ", "      ", where(a));
            wrap("    ", "    ", f.message());
            for (String e : a.evidence()) {
                wrap("    " + style(DIM, "evidence: "), "              ", e);
            }
            if (!f.fix().before().isBlank()) {
                line("    " + style(RED, "before:"));
                indent(f.fix().before(), "      ");
            }
            if (!f.fix().after().isBlank()) {
                line("    " + style(GREEN, "after:"));
                indent(f.fix().after(), "      ");
            }
        }
        if (r.hiddenUnsampled() > 0) {
            line("");
            wrap("", "  ", r.hiddenUnsampled() + " more finding(s) at sites the profile never sampled, such as branches that did not run (show them with --all)");
        }
        if (r.contradicted() > 0) {
            wrap("", "  ", r.contradicted() + " finding(s) left out because the profile at their site contradicts them or does not bear them out (show them with --all)");
        }
        if (!r.unavailable().isEmpty()) {
            line("");
            line("Not analyzed (bytes unavailable):");
            for (String u : r.unavailable()) line("  " + u);
        }
    }

    /**
     * What the profile measured for one advice, as the report words it: its site's share of the
     * time samples ("12.3% cpu"), of the allocated bytes when those were sampled, whether the JIT
     * removes most of it, and its loop's share ("(loop 30.1%)").
     */
    public static String share(Advice a) {
        SiteCost s = a.site();
        String share = s.totalSamples() > 0 ? pct(s.timeShare()) + " " + s.kind() : "";
        if (s.totalAllocBytes() > 0 && (s.allocationCost() || s.allocSamples() > 0)) {
            share += (share.isEmpty() ? "" : ", ") + pct(s.allocShare()) + " alloc";
        }
        if (a.jitRemoves()) share += " (JIT removes most)";
        return share + "  (loop " + pct(a.cost().inclusiveShare()) + ")";
    }

    /** Where one advice is: the method, its file and line, and its loop's lines (or the caller's loop it runs in). */
    public static String where(Advice a) {
        Finding f = a.finding();
        return "at " + f.className() + "." + f.method() + " (" + (f.file() == null ? "?" : f.file()) + ":" + f.line() + ")"
                + (a.via() != null ? ", called per iteration of the loop at lines " + a.via().firstLine() + "-" + a.via().lastLine()
                        + " of " + a.via().className() + "." + a.via().method()
                        : f.firstLoopLine() > 0 ? ", loop lines " + f.firstLoopLine() + "-" + f.lastLoopLine() : "");
    }

    /** Words wrapped to {@link #WIDTH} columns; the first line starts with {@code first}, the rest with {@code rest}. */
    @SuppressWarnings("StringSplitter") // trailing spaces are meant to go, as split(" ") drops them
    private void wrap(String first, String rest, String text) throws IOException {
        StringBuilder b = new StringBuilder(first);
        int visible = visibleLength(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && visible + 1 + word.length() > WIDTH) {
                line(b.toString());
                b.setLength(0);
                b.append(rest);
                visible = rest.length();
                empty = true;
            }
            if (!empty) {
                b.append(' ');
                visible++;
            }
            b.append(word);
            visible += word.length();
            empty = false;
        }
        line(b.toString());
    }

    private static int visibleLength(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    private void indent(String text, String pad) throws IOException {
        for (String l : text.split("\n", -1)) line(pad + l);
    }

    private String style(String code, String s) {
        return color ? code + s + RESET : s;
    }

    private void line(String s) throws IOException {
        // names, messages and source lines come from the target: no escape sequence of theirs reaches the terminal
        out.write(dev.hoist.core.SafeText.cleanKeepingStyles(s));
        out.write(System.lineSeparator());
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** The ranking key as a percentage, for writers that show one number. */
    static double rankingPercent(Advice a) {
        return Math.round(a.rankingShare() * 1000) / 10.0;
    }
}
