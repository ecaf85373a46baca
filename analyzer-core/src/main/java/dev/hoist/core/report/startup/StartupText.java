package dev.hoist.core.report.startup;

import dev.hoist.core.SafeText;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.report.advice.AdviceText;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.startup.ClassLoading;
import dev.hoist.core.startup.StartLoops;
import dev.hoist.core.startup.StartupAdvice;
import dev.hoist.core.startup.StartupBreakdown;
import dev.hoist.core.startup.StartupReport;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The text report of {@code hoist startup}: the breakdown of the start, then the advice ranked by
 * the time each change saved when the program ran with it. Every name from the program (classes,
 * jars, its output) goes through {@link SafeText}.
 */
public final class StartupText {
    private StartupText() {
    }

    public static void write(StartupReport r, Writer out) {
        PrintWriter w = new PrintWriter(SafeText.writer(out));
        StartupBreakdown b = r.breakdown();
        w.println("Startup of: " + String.join(" ", r.command()));
        w.println("JDK " + r.javaVersion() + ", to " + r.endPoint());
        if (r.failed()) {
            w.println();
            w.println("FAILED: " + r.failureMessage() + " (what was measured up to then follows)");
        }
        w.println();
        w.printf(Locale.ROOT, "Time to the end point: %s (the logged run)%n", ms(b.wallMillis()));
        if (b.jvmBootMillis() >= 0) {
            w.printf(Locale.ROOT, "  JVM boot (creating the VM)      %s%n", ms(b.jvmBootMillis()));
        }
        w.printf(Locale.ROOT, "  classes loaded                  %,d (%,d from a CDS archive)%n", b.classes(), b.sharedClasses());
        if (b.classLoadMillis() >= 0) {
            w.printf(Locale.ROOT, "  class loading, all told         %s: initialising %s (static initialisers), linking %s, verifying %s%n",
                    ms(b.classLoadMillis()), ms(b.classInitMillis()), ms(b.linkMillis()), ms(b.verifyMillis()));
        }
        if (b.gcCount() >= 0) {
            w.printf(Locale.ROOT, "  GC during the start             %d collection%s, %s of pauses%n", b.gcCount(), b.gcCount() == 1 ? "" : "s",
                    ms(b.gcMillis()));
        }
        if (b.jitMillis() >= 0) {
            w.printf(Locale.ROOT, "  JIT compiling (its own threads) %s%n", ms(b.jitMillis()));
        }
        StartupBreakdown.CpuSplit c = b.cpu();
        if (c.total() > 0) {
            w.printf(Locale.ROOT, "  CPU samples (every %.0f ms)      %,d: Java interpreted %.0f%%, Java compiled %.0f%%, JIT compiler %.0f%%, "
                            + "GC %.0f%%, VM and native (class loading, linking, launcher) %.0f%%%n",
                    c.intervalMillis(), c.total(), c.percent(c.interpreted()), c.percent(c.compiled()), c.percent(c.jit()),
                    c.percent(c.gc()), c.percent(c.vm()));
        }
        w.println();
        w.println("Classes by where they came from:");
        groups(w, b.bySource(), 8);
        if (!b.byPackage().isEmpty()) {
            w.println("The program's classes by package (outside the JDK and the archive):");
            groups(w, b.byPackage(), 8);
        }
        if (!b.clinits().isEmpty()) {
            w.println("Costliest static initialisers (sampled wall time, innermost <clinit> on the stack):");
            for (StartupBreakdown.Clinit ci : b.clinits().subList(0, Math.min(5, b.clinits().size()))) {
                w.printf(Locale.ROOT, "  %8s  %s%s%n", ms(ci.millis()), ci.className(), ci.hottestCallee() == null ? "" : "  (in " + ci.hottestCallee() + ")");
            }
        }
        if (!b.hotMethods().isEmpty()) {
            w.println("Hottest Java methods of the start (own cpu samples, every " + ms(c.intervalMillis()) + "):");
            for (StartupBreakdown.HotMethod m : b.hotMethods()) {
                w.printf(Locale.ROOT, "  %,7d  %s%n", m.samples(), m.method());
            }
        }
        loops(w, r.loops());
        w.println();
        advice(w, r);
        for (String a : r.archives()) {
            w.println("archive: " + a);
        }
        for (String n : r.notes()) {
            w.println("note: " + n);
        }
        w.flush();
    }

    /** The loop advisor on the start window: its top items, each with its share as the advice report words it, or why none. */
    private static void loops(PrintWriter w, StartLoops loops) {
        if (loops == null) {
            return;
        }
        w.printf(Locale.ROOT, "Loops hot during start (the loop advisor on the sampled run: %,d cpu samples, %,d in Java code; "
                + "%d piece%s of advice%s):%n", loops.samples(), loops.javaSamples(), loops.advice().advice().size(),
                loops.advice().advice().size() == 1 ? "" : "s", loops.advice().advice().size() > StartLoops.TOP ? ", the top " + StartLoops.TOP : "");
        for (Advice a : loops.top()) {
            Finding f = a.finding();
            w.printf(Locale.ROOT, "  #%d  %s  %s  [confidence %s]%n", a.rank(), AdviceText.share(a), f.rule(),
                    a.confidence().name().toLowerCase(Locale.ROOT));
            wrap(w, AdviceText.where(a), "      ");
            wrap(w, f.message(), "      ");
        }
        String verdict = loops.verdict();
        if (verdict != null) {
            wrap(w, verdict, "  ");
        }
        if (!loops.advice().advice().isEmpty()) {
            w.println("  (each with its evidence and fix: hoist run -i 1ms -- <the same command>)");
        }
    }

    private static void advice(PrintWriter w, StartupReport r) {
        if (r.advice().isEmpty()) {
            w.println(r.failed() ? "No advice: the start did not reach its end point." : "No advice.");
            return;
        }
        w.printf(Locale.ROOT, "Advice (%d, ranked by the time saved; measured = the program run with the change, median of %d runs "
                + "interleaved with unchanged runs)%n", r.advice().size(), r.runs());
        int i = 1;
        for (StartupAdvice a : r.advice()) {
            w.println();
            w.printf(Locale.ROOT, "#%d  %s  [%s]%n", i++, a.title(), a.id());
            w.println("    " + gain(a));
            wrap(w, a.summary(), "    ");
            if (!a.options().isEmpty()) {
                w.println("    flags: " + String.join(" ", a.options()));
            }
            for (String how : a.apply()) {
                wrap(w, "- " + how, "    ");
            }
            if (a.code() != null) {
                a.code().lines().forEach(l -> w.println("    " + l));
            }
        }
        w.println();
    }

    /** "1,840 ms -> 1,210 ms (median of 5, -34%)", or why there is no figure. */
    public static String gain(StartupAdvice a) {
        StartupAdvice.Measurement m = a.measured();
        if (m == null && a.estimatedMillis() < 0) {
            return "not measured (see the notes)";
        }
        if (m == null) {
            return String.format(Locale.ROOT, "saves up to %s (its sampled time; a code change, not re-run)", ms(a.estimatedMillis()));
        }
        if (m.variant().isEmpty()) {
            return "measured: no run with it reached the end point (" + m.failedRuns() + " tried): it breaks this start";
        }
        String s = String.format(Locale.ROOT, "measured: %s -> %s (median of %d, %+.0f%%; unchanged %s..%s, with it %s..%s)",
                ms(m.baselineMedian()), ms(m.variantMedian()), m.variant().size(), m.changePercent(), ms(min(m.baseline())),
                ms(max(m.baseline())), ms(min(m.variant())), ms(max(m.variant())));
        if (m.failedRuns() > 0) {
            s += "; " + m.failedRuns() + " run(s) with it did not reach the end point";
        }
        if (m.savedMillis() <= 0) {
            s += ": no gain here";
        }
        return s;
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static void groups(PrintWriter w, List<ClassLoading.Group> groups, int top) {
        for (ClassLoading.Group g : groups.subList(0, Math.min(top, groups.size()))) {
            w.printf(Locale.ROOT, "  %,7d  %s%n", g.classes(), g.name());
        }
        if (groups.size() > top) {
            w.printf(Locale.ROOT, "  %,7d  in %d more%n", groups.subList(top, groups.size()).stream().mapToInt(ClassLoading.Group::classes).sum(),
                    groups.size() - top);
        }
    }

    static String ms(double millis) {
        if (millis < 0) {
            return "n/a";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static void wrap(PrintWriter w, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ", -1)) {
            if (line.length() + word.length() + 1 > 100 && line.length() > indent.length()) {
                w.println(line);
                line = new StringBuilder(indent).append("  ");
            }
            if (line.length() > indent.length() && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
            line.append(word);
        }
        w.println(line);
    }
}
