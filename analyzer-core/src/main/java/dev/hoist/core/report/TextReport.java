package dev.hoist.core.report;

import dev.hoist.core.profile.Allocations;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.ProfileInfo;
import dev.hoist.core.profile.ThreadStats;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text form of the profile report: aligned columns that fit in 100 columns. */
final class TextReport {
    static final int WIDTH = 100;
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final ProfileReport.Data d;
    private final Writer out;
    private final boolean color;

    private TextReport(ProfileReport.Data d, Writer out) {
        this.d = d;
        this.out = out;
        this.color = d.options().color();
    }

    static void write(ProfileReport.Data d, Writer out) throws IOException {
        new TextReport(d, out).write();
    }

    private void write() throws IOException {
        ProfileInfo info = d.profile().info();
        line(style(BOLD, "Hoist profile: ") + fit(String.valueOf(info.file()), WIDTH - 15));
        String header = "Sampler: " + info.sampler().id() + (info.engine() != null ? " (engine " + info.engine() + ")" : "");
        if (info.startEpochNanos() >= 0) {
            header += "   Start: " + Instant.ofEpochSecond(0, info.startEpochNanos()).toString().replaceFirst("\\.\\d+Z$", "Z");
        }
        if (info.durationNanos() >= 0) {
            header += String.format(Locale.ROOT, "   Duration: %.1f s", info.durationNanos() / 1e9);
        }
        line(header);
        line("Events: " + (d.counts().isEmpty() ? "none" : d.counts().entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue() + (e.getKey() == EventKind.ALLOC
                        ? " (" + bytes(d.allocations().totalBytes()) + ")" : ""))
                .collect(Collectors.joining(", "))));
        for (String w : info.warnings()) {
            line(style(DIM, "warning: ") + w);
        }
        hotMethods();
        allocations();
        locks();
        threads();
    }

    /** Only the hot methods of {@code d}, under a heading of their own: one thread's, for {@code -t}. */
    static void hotMethods(ProfileReport.Data d, Writer out, String heading) throws IOException {
        new TextReport(d, out).hotMethods(heading);
    }

    private void hotMethods() throws IOException {
        hotMethods("Hot methods");
    }

    private void hotMethods(String heading) throws IOException {
        line("");
        if (d.kind() == null) {
            line(style(BOLD, heading) + ": no execution samples in this recording");
            return;
        }
        MethodStats m = d.methods();
        line(style(BOLD, heading) + " (" + d.kind().id() + ", " + amount(d.kind(), m.grandTotal()) + ", by self)");
        String valueHead = d.kind().weightIsSamples() ? "samples" : d.kind() == EventKind.ALLOC ? "bytes" : "time";
        line(String.format(Locale.ROOT, "  %6s %7s %9s  %s", "self%", "total%", valueHead, "method  (lines: self% of the method's line)"));
        for (MethodStats.MethodStat s : d.hot()) {
            String name = fit(s.method().shortSignature(WIDTH - 30), WIDTH - 30);
            line(String.format(Locale.ROOT, "  %5.1f%% %6.1f%% %9s  %s",
                    ProfileReport.percent(s.self(), m.grandTotal()), ProfileReport.percent(s.total(), m.grandTotal()),
                    compact(d.kind(), s.self()), style(CYAN, name)));
            List<MethodStats.LineStat> lines = m.lines(s.methodIndex()).stream()
                    .filter(l -> l.line() > 0 && (s.self() > 0 ? l.self() > 0 : l.total() > 0))
                    .limit(d.options().linesPerMethod()).toList();
            if (!lines.isEmpty()) {
                String ls = lines.stream().map(l -> String.format(Locale.ROOT, "%d (%.1f%%)", l.line(),
                        ProfileReport.percent(s.self() > 0 ? l.self() : l.total(), m.grandTotal())))
                        .collect(Collectors.joining(", "));
                line(style(DIM, fit("  " + " ".repeat(26) + (s.self() > 0 ? "lines: " : "lines (total): ") + ls, WIDTH)));
            }
        }
    }

    private void allocations() throws IOException {
        Allocations a = d.allocations();
        if (a.totalSamples() == 0) {
            return;
        }
        line("");
        line(style(BOLD, "Top allocation sites") + " (" + a.totalSamples() + " samples, " + bytes(a.totalBytes()) + ")");
        line(String.format(Locale.ROOT, "  %6s %9s %8s  %s", "bytes%", "bytes", "samples", "type / allocating frame"));
        for (Allocations.SiteStat s : a.bySite().stream().limit(d.options().topSites()).toList()) {
            line(String.format(Locale.ROOT, "  %5.1f%% %9s %8d  %s", ProfileReport.percent(s.bytes(), a.totalBytes()),
                    bytes(s.bytes()), s.samples(), fit(s.type(), WIDTH - 30)));
            line("  " + " ".repeat(28) + style(CYAN, "at " + fit(site(s.site()), WIDTH - 33)));
            if (s.caller() != null) {
                line("  " + " ".repeat(28) + "from " + fit(site(s.caller()), WIDTH - 35));
            }
        }
    }

    private void locks() throws IOException {
        Allocations l = d.locks();
        if (l.totalSamples() == 0 || d.kind() == EventKind.LOCK) {
            return; // ranked by lock waits already, in the hot methods above
        }
        line("");
        line(style(BOLD, "Lock contention") + " (" + l.totalSamples() + " waits, "
                + String.format(Locale.ROOT, "%.0f ms", l.totalBytes() / 1e6) + " waited in all)");
        line(String.format(Locale.ROOT, "  %6s %9s %8s  %s", "share", "waited", "waits", "lock class / waiting frame"));
        for (Allocations.SiteStat s : l.bySite().stream().limit(d.options().topSites()).toList()) {
            line(String.format(Locale.ROOT, "  %5.1f%% %9s %8d  %s", ProfileReport.percent(s.bytes(), l.totalBytes()),
                    String.format(Locale.ROOT, "%.0fms", s.bytes() / 1e6), s.samples(), fit(s.type(), WIDTH - 30)));
            line("  " + " ".repeat(28) + style(CYAN, "at " + fit(site(s.site()), WIDTH - 33)));
            if (s.caller() != null) {
                line("  " + " ".repeat(28) + "from " + fit(site(s.caller()), WIDTH - 35));
            }
        }
    }

    private void threads() throws IOException {
        if (d.threads().isEmpty()) {
            return;
        }
        line("");
        line(style(BOLD, "Threads") + " (" + d.kind().id() + ")");
        line(String.format(Locale.ROOT, "  %6s %9s  %s", "share", d.kind().weightIsSamples() ? "samples" : "value", "thread"));
        long total = d.methods().grandTotal();
        for (ThreadStats.ThreadStat t : d.threads()) {
            line(String.format(Locale.ROOT, "  %5.1f%% %9s  %s", ProfileReport.percent(t.value(), total),
                    compact(d.kind(), t.value()), fit(t.name(), WIDTH - 20)));
        }
    }

    static String site(Frame f) {
        if (f == null) {
            return "[no stack]";
        }
        StringBuilder sb = new StringBuilder(f.method().displayName());
        if (f.line() > 0) {
            sb.append(" line ").append(f.line());
        }
        if (f.bci() >= 0) {
            sb.append(" bci ").append(f.bci());
        }
        return sb.append(" [").append(f.type().shortName()).append(']').toString();
    }

    private static String amount(EventKind kind, long v) {
        return kind.weightIsSamples() ? v + " samples" : kind == EventKind.ALLOC ? bytes(v) : String.format(Locale.ROOT, "%.1f ms", v / 1e6);
    }

    private static String compact(EventKind kind, long v) {
        return kind.weightIsSamples() ? Long.toString(v) : kind == EventKind.ALLOC ? bytes(v) : String.format(Locale.ROOT, "%.0fms", v / 1e6);
    }

    static String bytes(long b) {
        return Units.bytes(b);
    }

    /** Shortens from the left, keeping the method end of a long name readable. */
    static String fit(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - (max - 3));
    }

    private String style(String code, String s) {
        return color ? code + s + RESET : s;
    }

    private void line(String s) throws IOException {
        // names, messages and source lines come from the target: no escape sequence of theirs reaches the terminal
        out.write(dev.hoist.core.SafeText.cleanKeepingStyles(s));
        out.write(System.lineSeparator());
    }
}
