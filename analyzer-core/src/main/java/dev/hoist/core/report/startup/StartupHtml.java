package dev.hoist.core.report.startup;

import dev.hoist.core.report.html.Html;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.report.advice.AdviceText;
import dev.hoist.core.startup.ClassLoading;
import dev.hoist.core.startup.StartLoops;
import dev.hoist.core.startup.StartupAdvice;
import dev.hoist.core.startup.StartupBreakdown;
import dev.hoist.core.startup.StartupReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report of {@code hoist startup}: one self-contained file with no script, a timeline of
 * the start drawn in SVG (the JVM's boot, the classes loaded in each 10 ms, the end point), the
 * breakdown tables, and the advice with its measured times as bars. Everything from the program
 * (class and jar names, the command, messages) is escaped with {@link Html#text}.
 */
public final class StartupHtml {
    private static final int WIDTH = 900;

    private StartupHtml() {
    }

    public static void write(StartupReport r, Writer out) throws IOException {
        StartupBreakdown b = r.breakdown();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>Hoist startup: ").append(Html.text(String.join(" ", r.command()))).append("</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em;max-width:1000px;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #ddd}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}code,pre{background:#f4f4f4;padding:2px 4px}")
                .append(".fail{color:#b00;font-weight:bold}.adv{border-left:4px solid #3a7;padding-left:1em;margin:1.5em 0}")
                .append("</style></head><body>\n");
        h.append("<h1>Startup</h1><p><code>").append(Html.text(String.join(" ", r.command()))).append("</code><br>JDK ")
                .append(Html.text(r.javaVersion())).append(", to ").append(Html.text(r.endPoint())).append("</p>\n");
        if (r.failed()) {
            h.append("<p class=\"fail\">").append(Html.text(r.failureMessage())).append(" (what was measured up to then follows)</p>\n");
        }
        h.append("<h2>Timeline</h2>\n").append(timeline(b));
        h.append("<h2>Where the time went</h2><table>");
        row(h, "time to the end point (logged run)", StartupText.ms(b.wallMillis()));
        row(h, "JVM boot (creating the VM)", StartupText.ms(b.jvmBootMillis()));
        row(h, "classes loaded (from a CDS archive)", String.format(Locale.ROOT, "%,d (%,d)", b.classes(), b.sharedClasses()));
        row(h, "class loading, all told", StartupText.ms(b.classLoadMillis()));
        row(h, "initialising classes (static initialisers)", StartupText.ms(b.classInitMillis()));
        row(h, "linking / verifying", StartupText.ms(b.linkMillis()) + " / " + StartupText.ms(b.verifyMillis()));
        row(h, "GC pauses", b.gcCount() + " / " + StartupText.ms(b.gcMillis()));
        row(h, "JIT compiling (own threads)", StartupText.ms(b.jitMillis()));
        StartupBreakdown.CpuSplit c = b.cpu();
        if (c.total() > 0) {
            row(h, "CPU samples: interpreted / compiled / JIT / GC / VM", String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%% / %.0f%% / %.0f%%",
                    c.percent(c.interpreted()), c.percent(c.compiled()), c.percent(c.jit()), c.percent(c.gc()), c.percent(c.vm())));
        }
        h.append("</table>\n");
        groups(h, "Classes by where they came from", b.bySource());
        groups(h, "The program's classes by package", b.byPackage());
        if (!b.clinits().isEmpty()) {
            h.append("<h2>Costliest static initialisers</h2><table><tr><th>class</th><th>sampled time</th><th>mostly in</th></tr>");
            for (StartupBreakdown.Clinit ci : b.clinits()) {
                h.append("<tr><td>").append(Html.text(ci.className())).append("</td><td class=\"n\">").append(StartupText.ms(ci.millis()))
                        .append("</td><td>").append(Html.text(ci.hottestCallee() == null ? "" : ci.hottestCallee())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!b.hotMethods().isEmpty()) {
            h.append("<h2>Hottest Java methods of the start</h2><table><tr><th>own cpu samples</th><th>method</th></tr>");
            for (StartupBreakdown.HotMethod m : b.hotMethods()) {
                h.append("<tr><td class=\"n\">").append(m.samples()).append("</td><td>").append(Html.text(m.method())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        loops(h, r.loops());
        h.append("<h2>Advice</h2>\n");
        if (r.advice().isEmpty()) {
            h.append("<p>No advice.</p>");
        }
        int i = 1;
        for (StartupAdvice a : r.advice()) {
            h.append("<div class=\"adv\"><h3>#").append(i++).append(' ').append(Html.text(a.title())).append(" <small>[")
                    .append(Html.text(a.id())).append("]</small></h3><p><b>").append(Html.text(StartupText.gain(a))).append("</b></p>");
            if (a.measured() != null && !a.measured().variant().isEmpty()) {
                h.append(bars(a.measured()));
            }
            h.append("<p>").append(Html.text(a.summary())).append("</p>");
            if (!a.options().isEmpty()) {
                h.append("<p>flags: <code>").append(Html.text(String.join(" ", a.options()))).append("</code></p>");
            }
            h.append("<ul>");
            a.apply().forEach(x -> h.append("<li>").append(Html.text(x)).append("</li>"));
            h.append("</ul>");
            if (a.code() != null) {
                h.append("<pre>").append(Html.text(a.code())).append("</pre>");
            }
            h.append("</div>\n");
        }
        if (!r.archives().isEmpty() || !r.notes().isEmpty()) {
            h.append("<h2>Notes</h2><ul>");
            r.archives().forEach(x -> h.append("<li>archive: ").append(Html.text(x)).append("</li>"));
            r.notes().forEach(x -> h.append("<li>").append(Html.text(x)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</body></html>\n");
        out.write(h.toString());
        out.flush();
    }

    /** The start on a time axis: the JVM's boot, classes loaded per 10 ms, and the end point. */
    static String timeline(StartupBreakdown b) {
        double total = Math.max(1, b.wallMillis());
        double scale = (WIDTH - 60) / total;
        List<Integer> per = b.classesPer10ms();
        int peak = Math.max(1, per.stream().mapToInt(Integer::intValue).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"170\" role=\"img\" ")
                .append("aria-label=\"startup timeline\" font-size=\"11\">");
        int x0 = 50;
        if (b.jvmBootMillis() >= 0) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%.1f\" height=\"18\" fill=\"#8ab\"/>", x0, b.jvmBootMillis() * scale))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"23\">JVM boot %s</text>", x0 + 4, Html.text(StartupText.ms(b.jvmBootMillis()))));
        }
        s.append("<text x=\"0\" y=\"23\">JVM</text><text x=\"0\" y=\"100\">classes</text><text x=\"0\" y=\"112\">/10 ms</text>");
        for (int i = 0; i < per.size(); i++) {
            double hgt = 100.0 * per.get(i) / peak;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3a7\"><title>%d-%d ms: %d classes</title></rect>",
                    x0 + i * 10 * scale, 140 - hgt, Math.max(0.5, 10 * scale - 0.5), hgt, i * 10, i * 10 + 10, per.get(i)));
        }
        double end = x0 + total * scale;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"5\" x2=\"%.1f\" y2=\"150\" stroke=\"#b00\"/>", end, end))
                .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"165\" text-anchor=\"end\" fill=\"#b00\">end point %s</text>", end,
                        Html.text(StartupText.ms(b.wallMillis()))))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"165\">0 ms</text>", x0))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"40\" fill=\"#555\">peak %d classes in 10 ms</text>", x0, peak));
        return s.append("</svg>\n").toString();
    }

    private static String bars(StartupAdvice.Measurement m) {
        double max = Math.max(m.baselineMedian(), m.variantMedian());
        double scale = 500 / Math.max(1, max);
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"44\" font-size=\"11\">"
                        + "<rect x=\"90\" y=\"2\" width=\"%.1f\" height=\"16\" fill=\"#aaa\"/><text x=\"0\" y=\"14\">unchanged</text>"
                        + "<text x=\"%.1f\" y=\"14\">%s</text>"
                        + "<rect x=\"90\" y=\"24\" width=\"%.1f\" height=\"16\" fill=\"#3a7\"/><text x=\"0\" y=\"36\">with it</text>"
                        + "<text x=\"%.1f\" y=\"36\">%s</text></svg>",
                m.baselineMedian() * scale, 95 + m.baselineMedian() * scale, Html.text(StartupText.ms(m.baselineMedian())),
                m.variantMedian() * scale, 95 + m.variantMedian() * scale, Html.text(StartupText.ms(m.variantMedian())));
    }

    /** The loop advisor's top items on the start window, each with its share as the advice report words it, or why none. */
    private static void loops(StringBuilder h, StartLoops loops) {
        if (loops == null) {
            return;
        }
        h.append("<h2>Loops hot during start</h2><p>The loop advisor on the sampled run: ")
                .append(String.format(Locale.ROOT, "%,d cpu samples, %,d in Java code; %d piece(s) of advice.", loops.samples(),
                        loops.javaSamples(), loops.advice().advice().size())).append("</p>");
        if (!loops.top().isEmpty()) {
            h.append("<table><tr><th>#</th><th>measured</th><th>rule</th><th>where and what</th></tr>");
            for (Advice a : loops.top()) {
                h.append("<tr><td class=\"n\">").append(a.rank()).append("</td><td>").append(Html.text(AdviceText.share(a)))
                        .append("</td><td><code>").append(Html.text(a.finding().rule())).append("</code></td><td>")
                        .append(Html.text(AdviceText.where(a))).append("<br>").append(Html.text(a.finding().message())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        String verdict = loops.verdict();
        if (verdict != null) {
            h.append("<p>").append(Html.text(verdict)).append("</p>\n");
        }
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><td>").append(Html.text(k)).append("</td><td class=\"n\">").append(Html.text(v)).append("</td></tr>");
    }

    private static void groups(StringBuilder h, String title, List<ClassLoading.Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        h.append("<h2>").append(Html.text(title)).append("</h2><table>");
        for (ClassLoading.Group g : groups.subList(0, Math.min(20, groups.size()))) {
            h.append("<tr><td class=\"n\">").append(g.classes()).append("</td><td>").append(Html.text(g.name())).append("</td></tr>");
        }
        h.append("</table>\n");
    }
}
