package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.SafeText;
import dev.hoist.core.report.startup.StartupHtml;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.report.startup.StartupJson;
import dev.hoist.core.report.startup.StartupText;
import dev.hoist.core.sampling.AgentLibrary;
import dev.hoist.core.startup.EndPoint;
import dev.hoist.core.startup.JavaCommand;
import dev.hoist.core.startup.StartupReport;
import dev.hoist.core.startup.StartupStudy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code hoist startup}: runs a java command line to an end point, says where its start went, and
 * ranks the JDK's cures for it by the time each saved when the program ran with it.
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a java command line to an end point, break its start down (JVM boot, class loading by jar and "
                + "package, static initialisers, interpreted vs compiled, GC) and rank what would make it start faster "
                + "(AppCDS, the AOT cache, C1 only, lazy holders, unused jars), each measured by running the program with it; "
                + "and the loops that were hot during the start, with Hoist's loop advice.",
        footer = {"", "Examples:",
                "  hoist startup -- java -jar app.jar --version",
                "  hoist startup --until-log 'Started .* in' -- java -jar server.jar",
                "  hoist startup --until-port 8080 --runs 7 --format html --out start.html -- java -cp 'lib/*' app.Main",
                "", "The program's output goes to stderr; the report to stdout (or --out).",
                "Archives are built in a per-user cache ($XDG_CACHE_HOME/hoist/startup/<key>/, key: JDK, class path, main);",
                "nothing is written into your project unless --write-archive says where.",
                "Exit codes 12 (the program exited non-zero before its end point) and 13 (it never reached it)",
                "still print what was measured."})
final class StartupCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<java command line>",
            description = "The program to start, after --: java, its JVM options, and what it runs.")
    List<String> command;

    @Option(names = "--until-log", paramLabel = "<regex>",
            description = "End the start at the first output line (stdout or stderr) in which this regex is found.")
    String untilLog;

    @Option(names = "--until-port", paramLabel = "<port>", description = "End the start when the program listens on this TCP port.")
    Integer untilPort;

    @Option(names = "--until", converter = Durations.class, paramLabel = "<time>",
            description = "End the start this long after launch (the program must still be running, or have exited with 0).")
    Duration until;

    @Option(names = "--timeout", defaultValue = "60s", converter = Durations.class, paramLabel = "<time>",
            description = "Give up on a run that has not reached its end point after this (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-n", "--runs"}, defaultValue = "5", converter = Positive.class,
            description = "Timed runs per variant; medians are compared (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-variants", description = "Only measure the start; do not try the cures (no training runs, no timed runs).")
    boolean noVariants;

    @Option(names = "--no-advice", description = "Skip the loop advice on the start window (the loops that were hot during the start).")
    boolean noAdvice;

    @Option(names = "--write-archive", paramLabel = "FILE",
            description = "Also copy the archive that gained most (AppCDS .jsa or AOT cache) here, to ship with the program.")
    Path writeArchive;

    @Option(names = "--format", defaultValue = "text", description = "Report format: text, json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output, as in every hoist command.")
    Path reportOut;

    @Option(names = "--cache-dir", hidden = true, paramLabel = "DIR", description = "Where archives are kept (default: the per-user cache).")
    Path cacheDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum Format { text, json, html }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        JavaCommand cmd = JavaCommand.of(command);
        EndPoint end = endPoint();
        StartupReport report = StartupStudy.run(new StartupStudy.Settings(cmd, end, timeout, runs, !noVariants, writeArchive,
                cacheDir != null ? cacheDir : StartupStudy.defaultCacheRoot(), agentLibrary(err), line -> {
                    err.println(SafeText.clean(line));
                    err.flush();
                }, step -> {
                    err.println("hoist: " + SafeText.clean(step));
                    err.flush();
                }, noAdvice ? List.of() : List.copyOf(RuleRegistry.load().all())));
        try (Writer w = Output.open(reportOut, spec.commandLine().getOut())) {
            switch (format) {
                case json -> StartupJson.write(report, w);
                case html -> StartupHtml.write(report, w);
                case text -> StartupText.write(report, w);
            }
        }
        if (reportOut != null) {
            err.println("hoist: wrote the " + format + " report to " + reportOut);
        }
        if (report.failed()) {
            throw new HoistException(report.failure(), report.failureMessage());
        }
        return 0;
    }

    private EndPoint endPoint() {
        int given = (untilLog != null ? 1 : 0) + (untilPort != null ? 1 : 0) + (until != null ? 1 : 0);
        if (given > 1) {
            throw new HoistException(Failure.USAGE, "choose one end point: --until-log, --until-port or --until");
        }
        if (untilLog != null) {
            try {
                return new EndPoint.LogLine(Pattern.compile(untilLog));
            } catch (PatternSyntaxException e) {
                throw new HoistException(Failure.USAGE, "--until-log: not a regular expression: " + e.getDescription());
            }
        }
        if (untilPort != null) {
            if (untilPort < 1 || untilPort > 65535) {
                throw new HoistException(Failure.USAGE, "--until-port: " + untilPort + " is not a TCP port (1-65535)");
            }
            return new EndPoint.Port(untilPort);
        }
        return until != null ? new EndPoint.After(until) : new EndPoint.Exit();
    }

    /** async-profiler's library for the sampled run, or null (with a note) where it has no build. */
    static Path agentLibrary(PrintWriter err) {
        try {
            return AgentLibrary.extract().path();
        } catch (RuntimeException e) {
            err.println("hoist: note: " + SafeText.clean(e.getMessage()));
            return null;
        }
    }
}
