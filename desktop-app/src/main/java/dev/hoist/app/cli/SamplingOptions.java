package dev.hoist.app.cli;

import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.Samplers;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The options {@code hoist profile} and {@code hoist demo} share: what to sample, how, and where the report goes. */
final class SamplingOptions {

    enum SamplerChoice {
        auto(Samplers.Choice.AUTO), async_profiler(Samplers.Choice.ASYNC_PROFILER), jfr(Samplers.Choice.JFR);

        final Samplers.Choice choice;

        SamplerChoice(Samplers.Choice choice) {
            this.choice = choice;
        }
    }

    @Mixin
    SamplingRates rates = new SamplingRates();

    @Option(names = "--sampler", defaultValue = "auto", paramLabel = "<sampler>", converter = SamplerConverter.class,
            description = "auto (async-profiler, JDK Flight Recorder if it cannot load), async-profiler, or jfr (default: auto).")
    SamplerChoice sampler;

    @Option(names = "--take-over",
            description = "If async-profiler is already running in the target (another tool, a killed Hoist), stop it and sample.")
    boolean takeOver;

    @Option(names = {"-f", "--recording"}, paramLabel = "<recording.jfr>",
            description = "Where to write the recording (default: hoist-<pid>-<time>.jfr in the current folder; for demo, "
                    + "demo.jfr in a new private folder under the temp folder, whose path is printed).")
    Path recording;

    @Option(names = "--format", defaultValue = "text",
            description = "Report format: text, json, html, sarif, or the profile alone as collapsed stacks, flamegraph "
                    + "(a standalone HTML flame graph) or pprof (default: ${DEFAULT-VALUE}).")
    ReportCommand.Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report here instead of standard output, as in every hoist command (a FILE ending "
                    + "in .jfr is taken as --recording, as --out meant here before, with a note).")
    Path reportOut;

    /** The old spelling of {@code --out}, from when {@code --out} was the recording in the sampling commands. */
    @Option(names = "--report-out", paramLabel = "FILE", hidden = true)
    Path deprecatedReportOut;

    @Mixin
    ProfileFilters filters = new ProfileFilters();

    @Option(names = "--no-advice", description = "Print the profile only, without the ranked loop advice.")
    boolean noAdvice;

    @Option(names = "--no-repair",
            description = "Do not make the target recompile its hot code with full debug info before sampling "
                    + "(code compiled before the attach may then put samples on the wrong inlined frames).")
    boolean noRepair;

    @Option(names = "--no-agent",
            description = "Do not load Hoist's small class-bytes agent into the target to read hot classes that are on no "
                    + "path (generated at run time, custom class loaders); the report lists them as unavailable.")
    boolean noAgent;

    @Option(names = "--redact-args",
            description = "Take all of the target's arguments out of the recording: its JVM arguments, every -D value and "
                    + "the program's arguments (the values of secret-looking properties and options, such as "
                    + "-Ddb.password=..., are taken out without it).")
    boolean redactArgs;

    @Option(names = "--all", description = "Also list findings in loops the profile never sampled.")
    boolean all;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "<path>",
            description = "More jars or folders with the target's classes, for classes not on its own class path "
                    + "(which Hoist reads from the target).")
    String classPath;

    @Option(names = "--source", paramLabel = "DIR",
            description = "Source folder(s) of the target: the advice shows its fixes in your code. Sources beside the "
                    + "class path (a -sources.jar next to a jar, a Maven or Gradle project) are found without it.")
    java.util.List<Path> sources = new java.util.ArrayList<>();

    @Option(names = "--top", defaultValue = "15", converter = Positive.class, description = "How many hot methods to list (default: ${DEFAULT-VALUE}).")
    int top;

    /**
     * Settles {@code --out} and its old spellings, with one note on {@code err} for each old one:
     * {@code --out} is the report in every command now; {@code --report-out} still works, and
     * {@code --out x.jfr} still names the recording (a report is never JFR).
     */
    void settleOutputs(picocli.CommandLine commandLine, java.io.PrintWriter err) {
        if (deprecatedReportOut != null) {
            if (reportOut != null) {
                throw new picocli.CommandLine.ParameterException(commandLine, "--report-out is the old spelling of --out: give one of them");
            }
            err.println("hoist: note: --report-out is deprecated, use --out (the report, as in every hoist command)");
            reportOut = deprecatedReportOut;
            deprecatedReportOut = null;
        }
        if (reportOut != null && reportOut.getFileName() != null
                && reportOut.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jfr")) {
            if (recording != null) {
                throw new picocli.CommandLine.ParameterException(commandLine,
                        "--out is the report and a report is not JFR: write the recording with --recording (-f)");
            }
            err.println("hoist: note: --out " + reportOut.getFileName() + " is taken as the recording, as before; that spelling is "
                    + "deprecated: use --recording (or -f), --out is the report in every hoist command");
            recording = reportOut;
            reportOut = null;
        }
        err.flush();
        // said before sampling, not after the whole duration
        if (format == ReportCommand.Format.pprof && reportOut == null) {
            throw new picocli.CommandLine.ParameterException(commandLine, "pprof is binary: give the file to write with --out FILE");
        }
        if (format == ReportCommand.Format.pprof && !filters.frameFilter().keepsAll()) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--include/--exclude do not apply to pprof");
        }
    }

    SamplingRequest request(long pid, Duration duration) {
        Path file = recording != null ? recording
                : Path.of("hoist-" + pid + "-" + LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jfr");
        return rates.request(file, duration).withTakeOver(takeOver);
    }

    /** Accepts async-profiler with its dash, as users type it. */
    static final class SamplerConverter implements picocli.CommandLine.ITypeConverter<SamplerChoice> {
        @Override
        public SamplerChoice convert(String value) {
            try {
                return SamplerChoice.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a sampler: use auto, async-profiler or jfr");
            }
        }
    }
}
