package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.PrivateFiles;
import dev.hoist.core.SafeText;
import dev.hoist.core.sampling.AsyncProfilerSampler;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.startup.EndPoint;
import dev.hoist.core.startup.JavaCommand;
import dev.hoist.core.startup.Launcher;
import dev.hoist.core.startup.StartupProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hoist run}: starts a java command line with async-profiler loaded from its first
 * instruction, and when the program exits prints the report {@code hoist profile} prints for the
 * recording, advised with the program's own class path. For what happens before there is a JVM
 * to attach to: a short CLI, a test run, a start.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a java command line with the sampler loaded from its first instruction; when it exits, print the "
                + "report and advice 'hoist profile' prints.",
        footer = {"", "Examples:",
                "  hoist run -- java -jar app.jar input.txt",
                "  hoist run -e cpu,alloc -i 1ms --recording build.jfr -- java -cp 'lib/*' tool.Main",
                "", "The program's output goes to stderr; the report to stdout (or --out). Its standard input is closed.",
                "It runs until it exits (Ctrl-C stops it; the recording is still written and reported)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<java command line>",
            description = "The program to run, after --: java, its JVM options, and what it runs.")
    List<String> command;

    @picocli.CommandLine.Mixin
    SamplingRates rates = new SamplingRates();

    @Option(names = {"-f", "--recording"}, paramLabel = "<recording.jfr>",
            description = "Where to write the recording (default: hoist-run-<time>.jfr in the current folder).")
    Path recording;

    @Option(names = "--format", defaultValue = "text", description = "Report format: text, json, html or sarif (default: ${DEFAULT-VALUE}).")
    ReportCommand.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output, as in every hoist command.")
    Path reportOut;

    @Option(names = "--no-advice", description = "Print the profile only, without the ranked loop advice.")
    boolean noAdvice;

    @Option(names = "--all", description = "Also list findings in loops the profile never sampled.")
    boolean all;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "<path>",
            description = "More jars or folders with the program's classes, beyond its own class path.")
    String classPath;

    @Option(names = "--source", paramLabel = "DIR", description = "Source folder(s) of the program: fixes are shown in your code.")
    List<Path> sources = new ArrayList<>();

    @picocli.CommandLine.Mixin
    ProfileFilters filters = new ProfileFilters();

    @Option(names = "--top", defaultValue = "15", converter = Positive.class, description = "How many hot methods to list (default: ${DEFAULT-VALUE}).")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        JavaCommand cmd = JavaCommand.of(command);
        if (format == ReportCommand.Format.sarif && noAdvice) {
            throw new HoistException(Failure.USAGE, "--format sarif prints the advice; it cannot be combined with --no-advice");
        }
        Path library = StartupCommand.agentLibrary(err);
        if (library == null) {
            throw new HoistException(Failure.SAMPLER_FAILED, "async-profiler has no build for this platform: hoist run needs it");
        }
        Path file = recording != null ? recording : Path.of("hoist-run-" + LocalDateTime.now(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jfr");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        PrivateFiles.create(file);
        SamplingRequest request = rates.request(file, Duration.ofDays(365));
        String agent = StartupProbe.agentOption(library, AsyncProfilerSampler.options(request), file.toAbsolutePath());
        err.println("hoist: running " + SafeText.clean(cmd.toString()) + " with async-profiler from its first instruction ("
                + String.join(", ", request.events().stream().map(SamplingEvent::id).sorted().toList()) + ")");
        err.flush();
        Launcher.Launch l = Launcher.run(cmd.withOptions(List.of(agent)), new EndPoint.Exit(), Duration.ofDays(365), line -> {
            err.println(SafeText.clean(line));
            err.flush();
        });
        err.printf("hoist: the program exited with %d after %s; recording: %s%n", l.exitCode(), ProfilingRun.human(Duration.ofNanos(l.nanos())), file);
        err.flush();
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new HoistException(Failure.SAMPLER_FAILED, "the program left no recording in " + file
                    + " (it may have been killed before the JVM could write it)");
        }
        PrivateFiles.restrict(file);
        String cp = noAdvice ? null : String.join(java.io.File.pathSeparator, joined(cmd));
        ReportCommand.render(dev.hoist.core.profile.ProfileReader.read(file), format, null, top, cp, all, reportOut,
                spec.commandLine().getOut(), err, null, sources, filters);
        if (l.outcome() == Launcher.Outcome.FAILED) {
            throw new HoistException(Failure.PROGRAM_FAILED, "the program exited with code " + l.exitCode() + " (the report above is of its run)");
        }
        return 0;
    }

    private List<String> joined(JavaCommand cmd) {
        List<String> cp = new ArrayList<>(cmd.codePath().stream().map(Path::toString).toList());
        if (classPath != null) {
            cp.add(classPath);
        }
        return cp;
    }
}
