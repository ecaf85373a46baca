package dev.hoist.core.report.html;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.profile.Allocations;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileInfo;
import dev.hoist.core.profile.ThreadStats;
import dev.hoist.core.profile.Timeline;
import dev.hoist.core.report.ProfileReport;
import dev.hoist.core.rule.Finding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report: one self-contained file (inline CSS, JS and SVG; no network) that a user can
 * keep or attach to a ticket. It shows the recording's header, an interactive flame graph (the
 * renderer follows async-profiler's converter: click zooms, search highlights, hover shows self and
 * total share), a sortable hot-methods table, the top allocation sites, the ranked advice with
 * before/after code, the threads and a per-second timeline of samples and allocation rate.
 * Everything that comes from the target is escaped for its context by {@link Html}; the flame
 * graph and timeline data travel as one JSON document in a {@code <script type="application/json">}
 * element with id {@code hoist-data}, which the page's script reads and tests can parse back.
 * Use: {@code HtmlReport.write(profile, advice, HtmlReport.Options.defaults(), writer)}.
 */
public final class HtmlReport {

    /**
     * What to include. {@code kind} ranks the hot methods and feeds the flame graph (null: the
     * profile report's default); {@code minFlameShare} drops flame frames narrower than that share
     * of the total (they would be under a pixel wide).
     */
    public record Options(EventKind kind, int topMethods, int topSites, int topThreads, double minFlameShare, String title,
                          boolean threads) {
        public static Options defaults() {
            return new Options(null, 30, 15, 10, 0.0002, null, false);
        }

        public Options withKind(EventKind k) {
            return new Options(k, topMethods, topSites, topThreads, minFlameShare, title, threads);
        }

        /** The flame graphs split by thread, a root frame per thread name (asprof's -t). */
        public Options withThreads(boolean t) {
            return new Options(kind, topMethods, topSites, topThreads, minFlameShare, title, t);
        }

        /** The page's title and heading instead of the recording's name (null: the name); escaped like all text. */
        public Options withTitle(String t) {
            return new Options(kind, topMethods, topSites, topThreads, minFlameShare, t, threads);
        }
    }

    private final Profile profile;
    private final AdviceReport advice;
    private final Options options;
    private final EventKind kind;
    private final StringBuilder b = new StringBuilder(64 * 1024);
    private Timeline timeline;

    private HtmlReport(Profile profile, AdviceReport advice, Options options) {
        this.profile = profile;
        this.advice = advice == null ? new AdviceReport(List.of(), List.of(), List.of(), 0) : advice;
        this.options = options;
        this.kind = options.kind() != null ? options.kind() : ProfileReport.defaultKind(profile);
    }

    /** Writes the report; {@code advice} may be null or empty when no class bytes were available. */
    public static void write(Profile profile, AdviceReport advice, Options options, Writer out) {
        HtmlReport r = new HtmlReport(profile, advice, options);
        try {
            out.write(r.render());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a string (what {@link #write} writes). */
    public static String render(Profile profile, AdviceReport advice, Options options) {
        return new HtmlReport(profile, advice, options).render();
    }

    private String render() {
        Map<EventKind, Long> counts = profile.sampleCounts();
        Allocations allocations = Allocations.of(profile);
        ProfileInfo info = profile.info();
        String target = info.file() == null ? "recording" : String.valueOf(info.file().getFileName());
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // no network: the policy forbids every fetch, so a report opened offline looks the same
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(Html.text(options.title() != null ? options.title() : "Hoist report: " + target)).append("</title>\n<style>\n")
                .append(resource("report.css")).append("</style>\n</head>\n<body>\n");
        header(info, counts, allocations);
        b.append("<nav><a href=\"#flame\">Flame graph</a> <a href=\"#advice\">Advice</a> <a href=\"#hot\">Hot methods</a> ")
                .append("<a href=\"#alloc\">Allocation sites</a> <a href=\"#threads\">Threads</a> <a href=\"#timeline\">Timeline</a></nav>\n");
        flame();
        advice();
        hotMethods();
        allocationSites(allocations);
        threads();
        timeline();
        b.append("<footer>Written by Hoist. Flame graph renderer after async-profiler's converter (Apache-2.0).</footer>\n");
        b.append("<script type=\"application/json\" id=\"hoist-data\">").append(Html.scriptJson(HtmlData.of(options.threads() ? profile.withThreadRoots() : profile, kind, options.minFlameShare(), perSecond(), hasAllocFlame()))).append("</script>\n");
        b.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private void header(ProfileInfo info, Map<EventKind, Long> counts, Allocations allocations) {
        b.append("<header><h1>").append(Html.text(options.title() != null ? options.title() : "Hoist report")).append("</h1>\n<dl class=\"facts\">");
        fact("Recording", info.file() == null ? "-" : info.file().toString());
        fact("Sampler", info.sampler().id() + (info.engine() != null ? " (engine " + info.engine() + ")" : ""));
        if (info.startEpochNanos() >= 0) {
            fact("Start", Instant.ofEpochSecond(0, info.startEpochNanos()).toString().replaceFirst("\\.\\d+Z$", "Z"));
        }
        if (info.durationNanos() >= 0) {
            fact("Duration", String.format(Locale.ROOT, "%.1f s", info.durationNanos() / 1e9));
        }
        List<String> events = new ArrayList<>();
        counts.forEach((k, v) -> events.add(k.id() + " " + String.format(Locale.ROOT, "%,d", v)
                + (k == EventKind.ALLOC ? " (" + bytes(allocations.totalBytes()) + ")" : "")));
        fact("Events", events.isEmpty() ? "none" : String.join(", ", events));
        fact("Ranked by", kind == null ? "no execution samples" : kind.id());
        fact("Threads", Integer.toString(profile.threadCount()));
        b.append("</dl>\n");
        for (String w : info.warnings()) {
            b.append("<p class=\"warn\">warning: ").append(Html.text(w)).append("</p>\n");
        }
        b.append("</header>\n");
    }

    private void fact(String name, String value) {
        b.append("<div><dt>").append(Html.text(name)).append("</dt><dd>").append(Html.text(value)).append("</dd></div>");
    }

    private void flame() {
        b.append("<section id=\"flame\"><h2>Flame graph").append(kind == null ? "" : " (<span id=\"fg-title\">" + kind.id() + "</span>)")
                .append("</h2>\n");
        if (kind == null) {
            b.append("<p class=\"none\">No execution samples in this recording.</p></section>\n");
            return;
        }
        b.append("<div class=\"toolbar\"><input id=\"fg-search\" type=\"search\" placeholder=\"Search (regex), Enter\" size=\"32\"> ")
                .append("<button id=\"fg-reset\" type=\"button\">Reset zoom</button> ")
                .append("<button id=\"fg-invert\" type=\"button\">Invert</button> ")
                .append(hasAllocFlame() ? "<button id=\"fg-kind\" type=\"button\">Show allocations</button> " : "")
                .append("<span id=\"fg-match\"></span></div>\n")
                .append("<div id=\"fg-wrap\"><canvas id=\"fg\"></canvas><div id=\"fg-hl\"><span></span></div></div>\n")
                .append("<p id=\"fg-status\" class=\"status\">Hover a frame for its share; click to zoom in, click the root to zoom out.</p>\n")
                .append("<p class=\"legend\"><span class=\"k k-jit\"></span>JIT compiled <span class=\"k k-inl\"></span>inlined ")
                .append("<span class=\"k k-c1\"></span>C1 <span class=\"k k-int\"></span>interpreted ")
                .append("<span class=\"k k-nat\"></span>native <span class=\"k k-cpp\"></span>JVM (C++) <span class=\"k k-krn\"></span>kernel</p>\n")
                .append("</section>\n");
    }

    private void advice() {
        b.append("<section id=\"advice\"><h2>Advice</h2>\n");
        List<Advice> list = advice.advice();
        if (list.isEmpty()) {
            b.append("<p class=\"none\">No advice for this recording")
                    .append(advice.methodsAnalysed().isEmpty() ? ": no hot method's bytecode was analyzed (give the "
                            + "application's class path)." : ": the analyzed hot methods have no findings in sampled loops.")
                    .append("</p>\n");
        }
        for (Advice a : list) {
            Finding f = a.finding();
            LoopCost c = a.cost();
            b.append("<article class=\"advice sev-").append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">\n<h3>")
                    .append("<span class=\"rank\">#").append(a.rank()).append("</span> ")
                    .append("<span class=\"share\" title=\"what fixing it can save: the share of all ").append(Html.text(c.kind()))
                    .append(" samples at this site, callees included\">")
                    .append(pct(a.rankingShare())).append("</span> ")
                    .append("<code class=\"rule\">").append(Html.text(f.rule())).append("</code> ")
                    .append("<span class=\"where\">").append(Html.text(f.className() + "." + f.method()))
                    .append(" (").append(Html.text(f.file() == null ? "?" : f.file())).append(":").append(f.line()).append(")</span></h3>\n");
            b.append("<p class=\"msg\">").append(Html.text(f.message())).append("</p>\n<ul class=\"cost\">");
            if (f.firstLoopLine() > 0) {
                b.append("<li>loop lines ").append(f.firstLoopLine()).append("&ndash;").append(f.lastLoopLine()).append("</li>");
            }
            b.append("<li>at the site: ").append(pct(a.site().timeShare())).append(" of ").append(Html.text(c.kind()))
                    .append(" (").append(a.site().samples()).append(" samples)");
            if (a.site().allocSamples() > 0) {
                b.append(", ").append(pct(a.site().allocShare())).append(" of allocated bytes (").append(a.site().allocSamples())
                        .append(" samples)");
            }
            if (a.jitRemoves()) b.append("; the profile says the JIT already removes most of it");
            b.append("</li>");
            b.append("<li>the loop: ").append(Html.text(c.kind())).append(": ").append(pct(c.inclusiveShare())).append(" inclusive (")
                    .append(c.inclusiveSamples()).append(" of ").append(c.totalSamples()).append(" samples), ")
                    .append(pct(c.selfShare())).append(" self</li>");
            if (c.allocSamples() > 0) {
                b.append("<li>allocation: ").append(pct(c.allocShare())).append(" of bytes (").append(bytes(c.allocBytes()))
                        .append(", ").append(c.allocSamples()).append(" samples)</li>");
            }
            b.append("<li>confidence: ").append(Html.text(a.confidence().name().toLowerCase(Locale.ROOT)))
                    .append(", severity: ").append(Html.text(f.severity().name().toLowerCase(Locale.ROOT))).append("</li></ul>\n");
            if (!a.evidence().isEmpty()) {
                b.append("<div class=\"evidence\"><b>Evidence</b><ul>");
                for (String e : a.evidence()) {
                    b.append("<li>").append(Html.text(e)).append("</li>");
                }
                b.append("</ul></div>\n");
            }
            if (f.mechanism() != null && !f.mechanism().isEmpty()) {
                b.append("<p class=\"mech\"><b>Why the JIT does not fix it:</b> ").append(Html.text(f.mechanism())).append("</p>\n");
            }
            if (!f.loopSource().isEmpty()) {
                b.append("<details><summary>Loop source</summary><pre class=\"src\"><code>");
                int n = f.firstLoopLine();
                for (String line : f.loopSource()) {
                    b.append("<span class=\"ln").append(n == f.line() ? " hit" : "").append("\">")
                            .append(String.format(Locale.ROOT, "%5d", n)).append("</span> ").append(Html.text(line)).append('\n');
                    n++;
                }
                b.append("</code></pre></details>\n");
            }
            if (f.fix() != null && !(f.fix().before().isEmpty() && f.fix().after().isEmpty())) {
                b.append("<div class=\"fix\"><div><b>Before</b><pre class=\"before\"><code>").append(Html.text(f.fix().before()))
                        .append("</code></pre></div><div><b>After</b><pre class=\"after\"><code>").append(Html.text(f.fix().after()))
                        .append("</code></pre></div></div>\n");
            }
            b.append("</article>\n");
        }
        if (advice.hiddenUnsampled() > 0) {
            b.append("<p class=\"note\">").append(advice.hiddenUnsampled())
                    .append(" finding(s) at sites without samples (code that did not run hot) are hidden (show them with --all).</p>\n");
        }
        if (!advice.unavailable().isEmpty()) {
            b.append("<details class=\"note\"><summary>").append(advice.unavailable().size())
                    .append(" hot method(s) without bytecode: no advice for them</summary><ul>");
            for (String u : advice.unavailable()) {
                b.append("<li>").append(Html.text(u)).append("</li>");
            }
            b.append("</ul></details>\n");
        }
        b.append("</section>\n");
    }

    private void hotMethods() {
        b.append("<section id=\"hot\"><h2>Hot methods</h2>\n");
        if (kind == null) {
            b.append("<p class=\"none\">No execution samples in this recording.</p></section>\n");
            return;
        }
        MethodStats stats = MethodStats.of(profile, kind);
        long total = stats.grandTotal();
        List<MethodStats.MethodStat> hot = stats.bySelf().stream().limit(options.topMethods()).toList();
        b.append("<p class=\"hint\">").append(Html.text(kind.id())).append(", ").append(String.format(Locale.ROOT, "%,d", total))
                .append(kind.weightIsSamples() ? " samples" : "").append(". Click a column to sort.</p>\n")
                .append("<table class=\"sortable\" id=\"hot-table\"><thead><tr><th data-sort=\"num\">self %</th>")
                .append("<th data-sort=\"num\">total %</th><th data-sort=\"num\">self</th><th data-sort=\"num\">total</th>")
                .append("<th data-sort=\"text\">method</th><th data-sort=\"text\">hottest lines (self)</th></tr></thead><tbody>\n");
        for (MethodStats.MethodStat s : hot) {
            String lines = String.join(", ", stats.lines(s.methodIndex()).stream()
                    .filter(l -> l.line() > 0 && l.self() > 0).limit(3)
                    .map(l -> l.line() + " (" + pct((double) l.self() / Math.max(1, s.self())) + ")").toList());
            double selfShare = total == 0 ? 0 : (double) s.self() / total;
            double totalShare = total == 0 ? 0 : (double) s.total() / total;
            b.append("<tr><td data-v=\"").append(s.self()).append("\"><span class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(100, selfShare * 100))).append("%\"></span>")
                    .append(pct(selfShare)).append("</td><td data-v=\"").append(s.total()).append("\">").append(pct(totalShare))
                    .append("</td><td data-v=\"").append(s.self()).append("\">").append(s.self())
                    .append("</td><td data-v=\"").append(s.total()).append("\">").append(s.total())
                    .append("</td><td class=\"m\">").append(Html.text(s.method().displayName()))
                    .append("<span class=\"desc\">").append(Html.text(s.method().descriptor())).append("</span></td><td>")
                    .append(Html.text(lines)).append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }

    private void allocationSites(Allocations allocations) {
        b.append("<section id=\"alloc\"><h2>Top allocation sites</h2>\n");
        if (allocations.totalSamples() == 0) {
            b.append("<p class=\"none\">No allocation samples in this recording.</p></section>\n");
            return;
        }
        b.append("<p class=\"hint\">").append(bytes(allocations.totalBytes())).append(" in ")
                .append(String.format(Locale.ROOT, "%,d", allocations.totalSamples())).append(" samples.</p>\n")
                .append("<table class=\"sortable\"><thead><tr><th data-sort=\"num\">bytes %</th><th data-sort=\"num\">bytes</th>")
                .append("<th data-sort=\"num\">samples</th><th data-sort=\"text\">type</th><th data-sort=\"text\">site</th></tr></thead><tbody>\n");
        for (Allocations.SiteStat s : allocations.bySite().stream().limit(options.topSites()).toList()) {
            String site = s.site() == null ? "[no stack]" : frameText(s.site());
            if (s.caller() != null) {
                site += " \u2190 " + frameText(s.caller());
            }
            b.append("<tr><td data-v=\"").append(s.bytes()).append("\">").append(pct((double) s.bytes() / allocations.totalBytes()))
                    .append("</td><td data-v=\"").append(s.bytes()).append("\">").append(bytes(s.bytes()))
                    .append("</td><td data-v=\"").append(s.samples()).append("\">").append(s.samples())
                    .append("</td><td class=\"m\">").append(Html.text(s.type())).append("</td><td class=\"m\">")
                    .append(Html.text(site)).append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }

    private static String frameText(Frame f) {
        return f.method().displayName() + (f.line() > 0 ? ":" + f.line() : "");
    }

    private void threads() {
        b.append("<section id=\"threads\"><h2>Threads</h2>\n");
        if (kind == null) {
            b.append("<p class=\"none\">No execution samples in this recording.</p></section>\n");
            return;
        }
        List<ThreadStats.ThreadStat> threads = ThreadStats.of(profile, kind);
        long total = threads.stream().mapToLong(ThreadStats.ThreadStat::value).sum();
        b.append("<table class=\"sortable\"><thead><tr><th data-sort=\"num\">share</th><th data-sort=\"num\">samples</th>")
                .append("<th data-sort=\"text\">thread</th></tr></thead><tbody>\n");
        for (ThreadStats.ThreadStat t : threads.stream().limit(options.topThreads()).toList()) {
            b.append("<tr><td data-v=\"").append(t.value()).append("\">").append(pct(total == 0 ? 0 : (double) t.value() / total))
                    .append("</td><td data-v=\"").append(t.samples()).append("\">").append(t.samples())
                    .append("</td><td class=\"m\" title=\"").append(Html.text(t.name())).append("\">").append(Html.text(t.name()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }

    private void timeline() {
        b.append("<section id=\"timeline\"><h2>Timeline</h2>\n");
        Timeline t = perSecond();
        if (t.seconds() == 0) {
            b.append("<p class=\"none\">This recording has no timestamps.</p></section>\n");
            return;
        }
        b.append(Svg.bars(t.samples(), "samples / s" + (kind == null ? "" : " (" + kind.id() + ")"), "#d9534f", false));
        boolean anyAlloc = false;
        for (long v : t.allocBytes()) {
            anyAlloc |= v > 0;
        }
        if (anyAlloc) {
            b.append(Svg.bars(t.allocBytes(), "allocated / s", "#3a7bd5", true));
        }
        b.append("</section>\n");
    }

    private boolean hasAllocFlame() {
        return kind != null && kind != EventKind.ALLOC && profile.sampleCounts().getOrDefault(EventKind.ALLOC, 0L) > 0;
    }

    private Timeline perSecond() {
        if (timeline == null) {
            timeline = Timeline.of(profile, kind == null ? EventKind.CPU : kind, List.of());
        }
        return timeline;
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return n + " B";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
