package dev.hoist.app.cli;

import dev.hoist.core.SafeText;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.SiteCost;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.hoist.app.cli.AttachScreen.pct;

/**
 * The text of {@code hoist attach}'s pages, wrapped to the terminal's width: the help, and an
 * advice's detail (what, where, what it saves, the message, the JVM mechanism, the profile's
 * evidence, before and after), the same parts the text report prints for it. Text from the target
 * is cleaned here; {@link AttachScreen} lays the lines out and styles the headings.
 */
final class AttachPages {

    private final Map<String, Rule> rules;

    AttachPages(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** The help page: the keys and the columns. */
    static List<String> help() {
        return List.of(
                "Hoist samples the target while this screen is open and refreshes once a second.",
                "The hot methods and the advice are of the window shown in the heading: the last",
                "seconds, or everything since sampling started (or since the last reset).",
                "",
                "keys:",
                "  c w a l      rank the hot methods by cpu, wall, alloc or lock samples",
                "               (an event not sampled yet restarts the sampler with it added;",
                "               the samples so far are kept)",
                "  s            switch the window: last seconds / since start",
                "  f            hot code: the application's own methods, each charged with the JDK",
                "               and VM code it calls (default) / every frame by its self samples",
                "  z            reset: the 'since' window starts now",
                "  p or space   pause sampling: the profiler stops in the target, what it",
                "               recorded is kept; p again resumes into the same recording",
                "  Up Down      select an advice;  Enter shows its detail",
                "  r            record: write what was sampled so far as a JFR, and its report",
                "               as html, json and sarif beside it",
                "  t            thread dump of the target (also written to a file)",
                "  ?            this help",
                "  q            quit: sampling stops, the target keeps running, the recording",
                "               stays on disk and its path is printed",
                "",
                "columns:",
                "  share        own code: the window's samples charged to the method, at its",
                "               hottest line; all frames: samples with the method running",
                "  total        share with the method anywhere on the stack",
                "  loop a-b     the advised loop around the hot line",
                "  advice #N    advice in this method, or in a method its loop calls",
                "  cpu (threads) cores used by the thread over the last second (100% = one core)",
                "  saves        what fixing the advice can save, measured at its site");
    }

    /** The detail of one advice: what, where, the mechanism, the evidence, before and after. */
    List<String> detail(AttachView v, int index, int w) {
        if (v.advice().isEmpty()) {
            return List.of("No advice yet.");
        }
        Advice a = v.advice().get(Math.min(index, v.advice().size() - 1));
        Finding f = a.finding();
        List<String> out = new ArrayList<>();
        Rule r = rules.get(f.rule());
        out.add(SafeText.clean("#" + a.rank() + "  " + f.rule() + (r == null ? "" : ": " + r.title())));
        SiteCost s = a.site();
        String share = s.totalSamples() > 0 ? pct(s.timeShare()) + " of " + s.kind() : "";
        if (s.totalAllocBytes() > 0 && (s.allocationCost() || s.allocSamples() > 0)) {
            share += (share.isEmpty() ? "" : ", ") + pct(s.allocShare()) + " of alloc";
        }
        wrap(out, "saves " + share + " at its site (loop " + pct(a.cost().inclusiveShare()) + "), confidence "
                + a.confidence().name().toLowerCase(Locale.ROOT) + ", severity " + f.severity().name().toLowerCase(Locale.ROOT)
                + (a.jitRemoves() ? "; the JIT removes most of it" : ""), "", w);
        wrap(out, "at " + f.className() + "." + f.method() + " (" + (f.file() == null ? "?" : f.file()) + ":" + f.line() + ")"
                + (a.via() != null ? ", called per iteration of the loop at lines " + a.via().firstLine() + "-" + a.via().lastLine()
                + " of " + a.via().className() + "." + a.via().method()
                : f.firstLoopLine() > 0 ? ", loop lines " + f.firstLoopLine() + "-" + f.lastLoopLine() : ""), "", w);
        out.add("");
        wrap(out, f.message(), "", w);
        out.add("");
        out.add("mechanism:");
        wrap(out, f.mechanism(), "  ", w);
        if (!a.evidence().isEmpty()) {
            out.add("");
            out.add("evidence:");
            for (String e : a.evidence()) {
                wrap(out, "- " + e, "  ", w);
            }
        }
        if (!f.fix().before().isBlank()) {
            out.add("");
            out.add("before:");
            for (String l : f.fix().before().split("\n", -1)) {
                out.add("  " + SafeText.clean(l));
            }
        }
        if (!f.fix().after().isBlank()) {
            out.add("");
            out.add("after:");
            for (String l : f.fix().after().split("\n", -1)) {
                out.add("  " + SafeText.clean(l));
            }
        }
        return out;
    }

    /** Words of {@code text}, cleaned, wrapped to {@code w} columns, each line starting with {@code indent}. */
    @SuppressWarnings("StringSplitter") // runs of spaces collapse to one, as wanted in wrapped prose
    private static void wrap(List<String> out, String text, String indent, int w) {
        StringBuilder b = new StringBuilder(indent);
        for (String word : SafeText.clean(text).split(" ")) {
            if (b.length() > indent.length() && b.length() + 1 + word.length() > w - 1) {
                out.add(b.toString());
                b.setLength(0);
                b.append(indent).append("  ");
            }
            if (b.length() > indent.length() && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
            b.append(word);
        }
        out.add(b.toString());
    }
}
