package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.rule.Finding;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hoist analyze}: static findings for jars, class directories or class files, without a
 * profile. Classes are read as bytes and never loaded; a bad entry is reported on stderr in one
 * line and the rest is analyzed.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find loop anti-patterns in bytecode (static: no profile, so nothing is ranked by cost).",
        footer = {"", "Examples:",
                "  hoist analyze build/libs/app.jar",
                "  hoist analyze target/classes --source src/main/java --format sarif --out hoist.sarif",
                "  hoist analyze app.jar --classpath 'lib/*' --rules boxing-in-loop,unsized-collection"})
final class AnalyzeCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Parameters(arity = "1..*", paramLabel = "<jar|dir|class>", description = "What to analyze.")
    List<Path> inputs;

    @Option(names = "--rules", split = ",", paramLabel = "id",
            description = "Only these rules (default: all). Ids: ${COMPLETION-CANDIDATES}")
    List<String> rules = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--source", paramLabel = "DIR", description = "Source folder(s): fixes and text output show the real source lines.")
    List<Path> sources = List.of();

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Libraries the analyzed code calls (':'-separated, 'dir/*' for all jars in dir): read to size callees "
                    + "and count implementations, not reported on.")
    String classpath;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Analyze on N threads (default: the number of cores, at most 4).")
    Integer threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
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
        if (result.classes() == 0 && !problems.isEmpty()) {
            // every input was unreadable: an empty report with exit 0 would pass a CI gate silently
            throw new HoistException(Failure.BAD_INPUT, "no class could be read from " + inputs
                    + "; the problems are listed above");
        }
        result.missingNote().ifPresent(note -> err.println("hoist: " + dev.hoist.core.SafeText.clean(note)));
        List<Finding> findings = result.findings();
        try (Writer w = Output.open(out, spec.commandLine().getOut())) {
            switch (format) {
                case json -> FindingsJson.write(findings, w);
                case sarif -> FindingsSarif.write(findings, selected, Main.version(), w);
                case text -> FindingsText.write(findings, w, String.format("(%d classes read, %d methods with loops%s)",
                        result.classes(), result.methodsWithLoops(),
                        problems.isEmpty() ? "" : "; " + problems.size() + " input problem(s) reported on stderr"));
            }
        }
        if (out != null) {
            err.println("hoist: wrote " + findings.size() + " finding(s) to " + out);
        }
        err.flush();
        return 0;
    }
}
