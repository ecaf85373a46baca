package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.rule.Baseline;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Fingerprints;
import dev.hoist.core.rule.Suppressions;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.report.findings.FindingsJson;
import dev.hoist.core.report.findings.FindingsSarif;
import dev.hoist.core.report.findings.FindingsText;
import dev.hoist.core.session.StaticAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hoist analyze}: static findings for jars, class directories or class files, without a
 * profile. Classes are read as bytes and never loaded; a bad entry is reported on stderr in one
 * line and the rest is analyzed.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find loop anti-patterns in bytecode. Static: nothing is ranked by cost, unless --profile gives a recording of the program to measure each finding in.",
        footer = {"", "Examples:",
                "  hoist analyze build/libs/app.jar",
                "  hoist analyze target/classes --source src/main/java --format sarif --out hoist.sarif",
                "  hoist analyze app.jar --classpath 'lib/*' --rules boxing-in-loop,unsized-collection"})
final class AnalyzeCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Parameters(arity = "1..*", paramLabel = "<jar|dir|class>", description = "What to analyze.")
    List<Path> inputs;

    @Option(names = "--rules", split = ",", paramLabel = "id",
            completionCandidates = RuleIds.class, description = "Only these rules (default: all). Ids: ${COMPLETION-CANDIDATES}")
    List<String> rules = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--source", paramLabel = "DIR", description = "Source folder(s): fixes and text output show the real source lines.")
    List<Path> sources = List.of();

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "Libraries the analyzed code calls (':'-separated, 'dir/*' for all jars in dir): read to size callees "
                    + "and count implementations, not reported on.")
    String classpath;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Analyze on N threads (default: the number of cores, at most 4).")
    Integer threads;

    @Option(names = "--all", description = "Report every finding, also those of low confidence: the loads, dispatches and calls the JIT "
            + "usually removes itself, which only a profile can rank (hoist profile / report measure them). Default: confidence medium or high.")
    boolean all;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Do not report the findings in this baseline (written by --write-baseline): a CI gate then fails on new ones only.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write every finding reported (after --config) to FILE as the baseline to commit, then report as usual.")
    Path writeBaseline;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 11 when a reported finding (not in the baseline, not suppressed) has this severity or higher: "
                    + "info, low, medium or high.")
    dev.hoist.core.rule.Severity failOn;

    @Option(names = "--profile", paramLabel = "RECORDING",
            description = "A recording of the program (hoist run/profile, async-profiler or JDK Flight Recorder): each finding "
                    + "takes the severity of what fixing it saves there (high from 5%%, medium from 1%%, low from 0.1%%) and code "
                    + "the recording did not run hot is not shown (--all shows it), so --fail-on gates on measured costs.")
    Path profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Suppress findings by rule, class or package, from a JSON file: "
                    + "{\"suppress\": [{\"rule\": \"boxing-in-loop\", \"package\": \"com.acme.gen\", \"reason\": \"...\"}]}")
    Path config;

    /** The ids of the rules on the class path, for --help. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return RuleRegistry.load().all().stream().map(Rule::id).sorted().iterator();
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // a recording that cannot be read fails before the analysis, not after it
        dev.hoist.core.profile.Profile recording = profile == null ? null : dev.hoist.core.profile.ProfileReader.read(profile);
        RuleRegistry registry = RuleRegistry.load();
        List<Rule> selected = rules.isEmpty() ? List.copyOf(registry.all()) : registry.select(rules);

        // ClassPath is thread-safe; two threads halve the wall time on the usual 2-core machine.
        int n = threads != null ? threads : StaticAnalysis.defaultThreads();
        StaticAnalysis.Result result = StaticAnalysis.run(inputs, classpath, selected, sources, n);
        List<String> problems = result.problems();

        var err = spec.commandLine().getErr();
        for (String p : problems) {
            err.println("hoist: " + dev.hoist.core.SafeText.clean(String.valueOf(p)));
        }
        if (result.classes() == 0) {
            // nothing was read (an empty or wrong folder, unreadable jars): "no findings" with exit 0 would pass a CI gate silently
            throw new HoistException(Failure.BAD_INPUT, "no class could be read from " + inputs
                    + (problems.isEmpty() ? ": no .class file, jar or class folder there" : "; the problems are listed above"));
        }
        result.missingNote().ifPresent(note -> err.println("hoist: " + dev.hoist.core.SafeText.clean(note)));

        Suppressions suppressions = config == null ? Suppressions.none()
                : Suppressions.read(config, registry.all().stream().map(Rule::id).collect(java.util.stream.Collectors.toSet()));
        Baseline known = baseline == null ? null : Baseline.read(baseline);
        List<Finding> analysed = result.findings();
        List<String> recordingNotices = List.of();
        if (recording != null) {
            // the same rules on the same code, measured where the recording ran it (the classes are read again, as bytes)
            String path = String.join(java.io.File.pathSeparator, inputs.stream().map(Path::toString).toList())
                    + (classpath == null || classpath.isBlank() ? "" : java.io.File.pathSeparator + classpath);
            dev.hoist.core.advice.AdviceReport measured = dev.hoist.core.advice.ClassPathAdvisor.advise(
                    recording, path,
                    dev.hoist.core.advice.Advisor.Options.defaults().withSourceDirs(sources), selected,
                    w -> err.println("hoist: " + dev.hoist.core.SafeText.clean(w)), null);
            // the costliest first (a stable sort: findings alike in one method keep their order, and so their fingerprints)
            // the advisor's own count of negligible advice is analyze's "not shown" line below
            recordingNotices = measured.notices().stream().filter(line -> !line.contains("more finding(s) at sites that ran")).toList();
            analysed = dev.hoist.core.advice.MeasuredFindings.of(analysed, measured, result.classNames()::contains).stream()
                    .sorted(java.util.Comparator.comparing(Finding::severity).reversed()).toList();
        }
        List<Finding> kept = analysed.stream().filter(f -> !suppressions.suppresses(f)).toList();
        List<String> keptPrints = Fingerprints.of(kept);
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, kept, keptPrints, Main.version());
            err.println("hoist: wrote " + kept.size() + " finding(s) to the baseline " + writeBaseline);
        }
        List<Finding> findings = new ArrayList<>();
        List<String> prints = new ArrayList<>();
        int lowConfidence = 0;
        int coldCode = 0;
        int inBaseline = 0;
        int notHot = 0;
        for (int i = 0; i < kept.size(); i++) {
            Finding f = kept.get(i);
            if (known != null && known.contains(keptPrints.get(i))) {
                inBaseline++;
            } else if (!all && profile != null && f.severity() == dev.hoist.core.rule.Severity.INFO) {
                notHot++;
            } else if (!all && profile == null && f.confidence() == Confidence.LOW) {
                lowConfidence++;
            } else if (!all && profile == null && (f.runsOnce() || f.onErrorPath())) {
                coldCode++;
            } else {
                findings.add(f);
                prints.add(keptPrints.get(i));
            }
        }
        int suppressed = result.findings().size() - kept.size();
        try (Writer w = Output.open(out, spec.commandLine().getOut())) {
            switch (format) {
                case json -> FindingsJson.write(findings, prints, w);
                case sarif -> FindingsSarif.write(findings, selected, Main.version(), prints, known != null, Main.sarifLinks(dev.hoist.core.classes.SourceFiles.of(sources,
                        String.join(java.io.File.pathSeparator, inputs.stream().map(Path::toString).toList())).folders()), w);
                case text -> FindingsText.write(findings, w, String.format("(%d classes read, %d methods with loops%s)",
                        result.classes(), result.methodsWithLoops(),
                        problems.isEmpty() ? "" : "; " + problems.size() + " input problem(s) reported on stderr"), profile != null);
            }
        }
        if (out != null) {
            err.println("hoist: wrote " + findings.size() + " finding(s) to " + out);
        }
        if (lowConfidence > 0) {
            err.println("hoist: " + lowConfidence + " more finding(s) of low confidence not shown (loads, dispatches and calls the JIT "
                    + "usually removes itself; --all shows them, a profile ranks them)");
        }
        for (String notice : recordingNotices) {
            // what the recording shows beyond loop findings (time in the JDK's locking, regex, spinning; the JIT; allocation hot spots):
            // not findings, so no gate fails on them, but the costliest wins are often here
            err.println("hoist: the recording also says: " + dev.hoist.core.SafeText.clean(notice));
        }
        if (notHot > 0) {
            err.println("hoist: " + notHot + " more finding(s) the recording did not run hot, or whose cost it shows the JIT removes "
                    + "or saves under 0.1%, not shown (--all shows them)");
        }
        if (coldCode > 0) {
            err.println("hoist: " + coldCode + " more finding(s) in code that runs once per class (static initialization) or "
                    + "only on an error path (it ends in a throw) not shown (--all shows them)");
        }
        if (inBaseline > 0 || suppressed > 0) {
            err.println("hoist: not reported: " + (inBaseline > 0 ? inBaseline + " in the baseline" : "")
                    + (inBaseline > 0 && suppressed > 0 ? ", " : "") + (suppressed > 0 ? suppressed + " suppressed by " + config : ""));
        }
        err.flush();
        if (failOn != null) {
            long over = findings.stream().filter(f -> f.severity().compareTo(failOn) >= 0).count();
            if (over > 0) {
                throw new HoistException(Failure.GATE_FAILED, over + " finding(s) of severity " + failOn.name().toLowerCase(java.util.Locale.ROOT)
                        + " or higher" + (known != null ? " not in the baseline" : "") + " (--fail-on)");
            }
        }
        return 0;
    }
}
