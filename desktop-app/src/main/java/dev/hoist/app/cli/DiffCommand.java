package dev.hoist.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.report.ProfileReport;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.compare.AdviceDiff;
import dev.hoist.core.compare.ProfileDiff;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hoist diff <before> <after>}: what changed between two recordings, per method (self and
 * total share, before, after, change in percentage points, largest change first) and, with
 * {@code --classpath}, per loop (share of samples and of allocated bytes in each loop of the
 * methods seen) and per piece of advice (what fixing its site could save in each run: gone when
 * the fix took it away), so a user sees that a fix took the site's and the loop's cost down.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare two recordings: per method and, with --classpath, per loop and per piece of advice, the change in share.",
        footer = {"%nExample:%n  hoist diff before.jfr after.jfr --classpath app.jar"})
public final class DiffCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "<before.jfr>", description = "The recording before the change.")
    Path before;

    @Parameters(index = "1", paramLabel = "<after.jfr>", description = "The recording after the change.")
    Path after;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "The application's classes (':'-separated, 'dir/*' for all jars in dir): adds the per-loop and per-advice tables.")
    String classpath;

    @Option(names = "--after-classpath", paramLabel = "PATH",
            description = "Classes of the 'after' run when the code changed between the runs (default: --classpath).")
    String afterClasspath;

    @Option(names = "--event", paramLabel = "<kind>", description = "Compare this event kind: cpu, wall, alloc (bytes), native, lock, sample "
            + "(default: the first present of cpu, wall, sample, native, lock in the 'before' recording).")
    String event;

    @Option(names = "--top", defaultValue = "20", converter = Positive.class, description = "How many methods and loops to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The advice of both runs side by side; empty without a class path. */
    private List<AdviceDiff.Change> advice = List.of();

    @Override
    public Integer call() throws IOException {
        Profile b = ProfileReader.read(before);
        Profile a = ProfileReader.read(after);
        PrintWriter err = spec.commandLine().getErr();
        for (Profile p : List.of(b, a)) {
            for (String w : p.info().warnings()) {
                err.println("hoist: warning: " + dev.hoist.core.SafeText.clean(w));
            }
        }
        EventKind kind = kind(b);
        ProfileDiff.Result result;
        ClassPath bcp = classpath == null ? null : ClassPath.builder().addClassPath(classpath).build();
        ClassPath acp = afterClasspath == null ? null : ClassPath.builder().addClassPath(afterClasspath).build();
        try {
            result = ProfileDiff.compare(b, a, kind, bcp, acp != null ? acp : bcp);
            if (classpath != null || afterClasspath != null) {
                List<Rule> rules = List.copyOf(RuleRegistry.load().all());
                String bPath = classpath != null ? classpath : afterClasspath;
                String aPath = afterClasspath != null ? afterClasspath : classpath;
                AdviceReport ba = ReportCommand.advise(b, bPath, false, kind, rules, err, null, List.of());
                AdviceReport aa = ReportCommand.advise(a, aPath, false, kind, rules, err, null, List.of());
                advice = AdviceDiff.compare(ba, aa);
            }
        } finally {
            if (bcp != null) {
                bcp.close();
            }
            if (acp != null) {
                acp.close();
            }
        }
        try (Writer w = Output.open(out, spec.commandLine().getOut())) {
            if (format == Format.json) {
                json(result, w);
            } else {
                text(result, w);
            }
        }
        if (!result.unavailable().isEmpty()) {
            err.println("hoist: loops not compared for " + result.unavailable().size() + " hot method(s) whose class bytes are not "
                    + "on the class path, e.g. " + dev.hoist.core.SafeText.clean(result.unavailable().get(0)));
        }
        err.flush();
        return 0;
    }

    private EventKind kind(Profile b) {
        if (event == null) {
            EventKind k = ProfileReport.defaultKind(b);
            if (k == null) {
                throw new HoistException(Failure.BAD_INPUT, before + ": no execution samples to compare (cpu, wall, native, lock)");
            }
            return k;
        }
        try {
            return EventKind.ofId(event);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--event: unknown kind '" + event
                    + "' (expected cpu, wall, alloc, native, lock or sample)");
        }
    }

    private void text(ProfileDiff.Result r, Writer w) throws IOException {
        w.write("Hoist diff: " + before + " -> " + after + "\n");
        String amounts = r.kind() == EventKind.ALLOC
                ? dev.hoist.core.report.Units.bytes(r.samplesBefore()) + " allocated before, " + dev.hoist.core.report.Units.bytes(r.samplesAfter()) + " after"
                : String.format(Locale.ROOT, "%,d samples before, %,d after", r.samplesBefore(), r.samplesAfter());
        w.write(String.format(Locale.ROOT, "Event: %s, %s; shares are of each recording's total, "
                + "changes in percentage points%n%n", r.kind().id(), amounts));
        w.write("Methods (largest change first)\n");
        w.write(String.format(Locale.ROOT, "  %7s %7s %7s   %7s %7s %7s  %s%n", "self", "", "", "total", "", "", ""));
        w.write(String.format(Locale.ROOT, "  %7s %7s %7s   %7s %7s %7s  %s%n", "before", "after", "change", "before", "after",
                "change", "method"));
        for (ProfileDiff.MethodChange m : r.methods().stream().limit(top).toList()) {
            w.write(String.format(Locale.ROOT, "  %6.1f%% %6.1f%% %+7.1f   %6.1f%% %6.1f%% %+7.1f  %s%n",
                    m.selfBefore() * 100, m.selfAfter() * 100, m.selfChange() * 100,
                    m.totalBefore() * 100, m.totalAfter() * 100, m.totalChange() * 100,
                    ProfileDiff.stableName(m.method())));
        }
        if (classpath == null && afterClasspath == null) {
            w.write("\nLoops: give --classpath to compare the loops of these methods.\n");
            return;
        }
        adviceText(w);
        w.write("\nLoops (samples at a bytecode index in the loop, callees included; allocated bytes at its sites)\n");
        if (r.loops().isEmpty()) {
            w.write("  no loops in the compared methods' bytecode\n");
            return;
        }
        w.write(String.format(Locale.ROOT, "  %7s %7s %7s   %7s %7s %7s  %s%n", "before", "after", "change", "alloc<", "alloc>",
                "change", "loop"));
        for (ProfileDiff.LoopChange l : r.loops().stream().limit(top).toList()) {
            String where = !l.presentAfter() ? "  (not in the 'after' code)" : !l.presentBefore() ? "  (new in the 'after' code)" : "";
            w.write(String.format(Locale.ROOT, "  %6.1f%% %6.1f%% %+7.1f   %6.1f%% %6.1f%% %+7.1f  %s%s%n",
                    l.before() * 100, l.after() * 100, l.change() * 100, l.allocBefore() * 100, l.allocAfter() * 100,
                    l.allocChange() * 100, l.key(), where));
        }
    }

    /** Each piece of advice: what fixing its site could save before and after, and its loop's share. */
    private void adviceText(Writer w) throws IOException {
        w.write("\nAdvice (what fixing the site could save, of each recording's total; the loop's share beside it)\n");
        if (advice.isEmpty()) {
            w.write("  no advice in either recording\n");
            return;
        }
        w.write(String.format(Locale.ROOT, "  %7s %7s %7s   %7s %7s  %s%n", "before", "after", "change", "loop<", "loop>", "advice"));
        for (AdviceDiff.Change c : advice.stream().limit(top).toList()) {
            String status = switch (c.status()) {
                case GONE -> "  (gone after)";
                case NEW -> "  (new after)";
                case REMAINS -> "";
            };
            int line = c.status() == AdviceDiff.Status.NEW ? c.lineAfter() : c.lineBefore();
            w.write(String.format(Locale.ROOT, "  %6.1f%% %6.1f%% %+7.1f   %6.1f%% %6.1f%%  %s %s.%s line %d%s%n",
                    c.savingBefore() * 100, c.savingAfter() * 100, c.savingChange() * 100, c.loopBefore() * 100,
                    c.loopAfter() * 100, c.rule(), dev.hoist.core.SafeText.clean(c.className()), dev.hoist.core.SafeText.clean(c.method()), line, status));
        }
    }

    private void json(ProfileDiff.Result r, Writer w) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "hoist.diff/1");
        root.put("event", r.kind().id());
        root.put("before", Map.of("file", before.toString(), "samples", r.samplesBefore()));
        root.put("after", Map.of("file", after.toString(), "samples", r.samplesAfter()));
        root.put("methods", r.methods().stream().limit(top).map(m -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("method", ProfileDiff.stableDisplayName(m.method()));
            o.put("descriptor", m.method().descriptor());
            o.put("selfBefore", pct(m.selfBefore()));
            o.put("selfAfter", pct(m.selfAfter()));
            o.put("selfChange", pct(m.selfChange()));
            o.put("totalBefore", pct(m.totalBefore()));
            o.put("totalAfter", pct(m.totalAfter()));
            o.put("totalChange", pct(m.totalChange()));
            return o;
        }).toList());
        root.put("loops", r.loops().stream().limit(top).map(l -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("class", l.className());
            o.put("method", l.method());
            o.put("descriptor", l.descriptor());
            o.put("lines", List.of(l.firstLine(), l.lastLine()));
            o.put("before", pct(l.before()));
            o.put("after", pct(l.after()));
            o.put("change", pct(l.change()));
            o.put("selfBefore", pct(l.selfBefore()));
            o.put("selfAfter", pct(l.selfAfter()));
            o.put("allocBefore", pct(l.allocBefore()));
            o.put("allocAfter", pct(l.allocAfter()));
            o.put("allocChange", pct(l.allocChange()));
            o.put("presentBefore", l.presentBefore());
            o.put("presentAfter", l.presentAfter());
            return o;
        }).toList());
        root.put("advice", advice.stream().limit(top).map(c -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("rule", c.rule());
            o.put("class", c.className());
            o.put("method", c.method());
            o.put("lineBefore", c.lineBefore());
            o.put("lineAfter", c.lineAfter());
            o.put("status", c.status().name().toLowerCase(Locale.ROOT));
            o.put("savingBefore", pct(c.savingBefore()));
            o.put("savingAfter", pct(c.savingAfter()));
            o.put("savingChange", pct(c.savingChange()));
            o.put("loopBefore", pct(c.loopBefore()));
            o.put("loopAfter", pct(c.loopAfter()));
            return o;
        }).toList());
        root.put("unavailable", r.unavailable());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(w, root);
        w.write("\n");
    }

    /** Percent with two decimals: JSON readers compare these, so keep them short and stable. */
    private static double pct(double share) {
        return Math.round(share * 10000) / 100.0;
    }
}
