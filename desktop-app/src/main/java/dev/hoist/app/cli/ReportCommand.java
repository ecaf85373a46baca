package dev.hoist.app.cli;

import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.advice.ClassPathAdvisor;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.report.ProfileExport;
import dev.hoist.core.report.ProfileReport;
import dev.hoist.core.report.advice.AdviceSarif;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hoist report <file>}: the profile report (hot methods with their hottest lines, top
 * allocation sites, threads) for a recording already on disk - async-profiler or JDK JFR, or
 * collapsed stacks - the same report {@code hoist profile} prints for the recording it made,
 * followed by the advisor's ranked advice (bytecode from {@code --classpath} and the JDK).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the profile report of a recording (.jfr from async-profiler or the JDK's Flight "
                + "Recorder) or of collapsed stacks (frame;frame;frame count per line).")
public final class ReportCommand implements Callable<Integer> {

    enum Format {
        text, json, html, sarif, collapsed, flamegraph, pprof;

        /** The profile alone in one of async-profiler's outputs, written by its own converter. */
        ProfileExport.Format export() {
            return switch (this) {
                case collapsed -> ProfileExport.Format.COLLAPSED;
                case flamegraph -> ProfileExport.Format.FLAMEGRAPH;
                case pprof -> ProfileExport.Format.PPROF;
                default -> null;
            };
        }
    }

    @Parameters(index = "0", paramLabel = "<recording.jfr|stacks.txt>", description = "The recording or collapsed-stacks file.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
            + "The JSON schema is hoist.profile/1 (docs/report-json.md); sarif is the ranked advice as SARIF 2.1.0; "
            + "collapsed, flamegraph (standalone HTML) and pprof are the profile alone, written by async-profiler's converter.")
    Format format;

    @Option(names = "--event", paramLabel = "<kind>",
            description = "Rank methods by this event kind: cpu, wall, native, alloc, lock, sample (default: the first present of "
                    + "cpu, wall, sample, native, lock).")
    String event;

    @Option(names = "--top", defaultValue = "15", converter = Positive.class, description = "How many hot methods to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "<path>",
            description = "The profiled application's class path (jars and directories, separated by '"
                    + "${sys:path.separator}'), where the advisor reads the hot methods' bytecode. Without it, the class "
                    + "path hoist profile wrote next to the recording (FILE.hoist.json) is used; without either only JDK "
                    + "classes are found and the advice says which methods it could not read.")
    String classPath;

    @Option(names = "--no-advice", description = "Print the profile report only, without the ranked advice.")
    boolean noAdvice;

    @Option(names = "--all", description = "Also list findings in loops the profile never sampled.")
    boolean all;

    @Option(names = "--source", paramLabel = "DIR",
            description = "Source folder(s) of the profiled application: the advice shows its fixes in your code. "
                    + "Sources beside the class path (a -sources.jar next to a jar, a Maven or Gradle project) are found without it.")
    List<Path> sources = List.of();

    @CommandLine.Mixin
    ProfileFilters filters = new ProfileFilters();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        EventKind kind = null;
        if (event != null) {
            try {
                kind = EventKind.ofId(event);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--event: unknown kind '" + event
                        + "' (expected cpu, wall, native, alloc, lock or sample)");
            }
        }
        if (format == Format.sarif && noAdvice) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format sarif prints the advice; it cannot be combined with --no-advice");
        }
        PrintWriter err = spec.commandLine().getErr();
        String cp = classPath;
        List<Path> dirs = new java.util.ArrayList<>(sources);
        var known = noAdvice ? java.util.Optional.<dev.hoist.core.session.SessionArchive.Meta>empty()
                : dev.hoist.core.session.RecordingSidecar.read(file);
        if (known.isPresent()) {
            // hoist profile wrote down the class path and sources it advised with; a --classpath given here wins
            known.get().sources().forEach(d -> dirs.add(Path.of(d)));
            if (cp == null && known.get().classPath() != null && !known.get().classPath().isBlank()) {
                cp = known.get().classPath();
                err.println("hoist: advising with the class path recorded in "
                        + dev.hoist.core.SafeText.clean(dev.hoist.core.session.RecordingSidecar.of(file).getFileName().toString()));
            }
        }
        if (format.export() != null) {
            export(file, format, kind, filters, out, spec.commandLine().getOut(), err);
            return 0;
        }
        render(ProfileReader.read(file), format, kind, top, noAdvice ? null : (cp == null ? "" : cp), all, out,
                spec.commandLine().getOut(), err, null, dirs, filters);
        return 0;
    }

    /**
     * Writes the report of a recording in {@code format} to {@code outFile} (or {@code stdout}): the
     * profile, then the ranked advice unless {@code classPath} is null (an empty class path still
     * advises on JDK code and says which methods it could not read). Shared by {@code hoist report},
     * {@code hoist profile}, {@code hoist attach} and {@code hoist demo}, so the advice printed live
     * equals the advice for the same recording read from disk. {@code memory}, when not null, is
     * asked for the hot classes the class path does not have; the sources are looked up in
     * {@code sourceDirs} first. The filters keep the samples asked for (-I/-X) before anything is
     * counted, add a per-thread section (-t) and title the HTML (--title); the formats async-profiler's
     * converter writes go to {@link #export}.
     */
    static void render(Profile whole, Format format, EventKind kind, int top, String classPath, boolean all, Path outFile,
                       PrintWriter stdout, PrintWriter err, ClassPathAdvisor.MissingClasses memory, List<Path> sourceDirs,
                       ProfileFilters filters) throws IOException {
        if (format.export() != null && whole.info().file() == null) {
            throw new HoistException(Failure.BAD_INPUT, "--format " + format + " converts a recording file, and this profile has none");
        }
        if (format.export() != null) {
            export(whole.info().file(), format, kind == null ? ProfileReport.defaultKind(whole) : kind, filters, outFile, stdout, err);
            return;
        }
        warn(whole, err);
        Profile profile = whole.filter(filters.frameFilter());
        if (profile != whole) {
            err.printf("hoist: --include/--exclude kept %,d of %,d samples%n", profile.size(), whole.size());
        }
        List<Rule> rules = List.copyOf(RuleRegistry.load().all());
        AdviceReport advice = classPath == null ? null : advise(profile, classPath, all, kind, rules, err, memory, sourceDirs);
        // SARIF locations are paths from the repository when the sources are found, as the advice finds them
        List<Path> sourceFolders = format == Format.sarif
                ? dev.hoist.core.classes.SourceFiles.of(sourceDirs, classPath).folders() : sourceDirs;
        write(profile, advice, rules, format, kind, top, outFile, stdout, filters, sourceFolders);
        if (outFile != null) {
            err.println("hoist: wrote the " + format + " report to " + outFile);
            err.flush();
        }
    }

    /**
     * The recording in one of async-profiler's outputs (collapsed stacks, a standalone flame graph,
     * pprof), written by its converter; pprof is binary and goes to a file only.
     */
    static void export(Path recording, Format format, EventKind kind, ProfileFilters filters, Path outFile, PrintWriter stdout,
                       PrintWriter err) throws IOException {
        if (format == Format.pprof && outFile == null) {
            throw new HoistException(Failure.USAGE, "pprof is binary: give the file to write with --out FILE");
        }
        if (format == Format.pprof && !filters.frameFilter().keepsAll()) {
            throw new HoistException(Failure.USAGE, "--include/--exclude do not apply to pprof (async-profiler's converter "
                    + "writes it unfiltered); filter in the back end, or use --format collapsed or flamegraph");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            ProfileExport.write(recording, format.export(), filters.exportSettings(kind), bytes);
        } catch (IllegalArgumentException e) {
            throw new HoistException(Failure.USAGE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot convert " + recording + " to " + format + ": " + e.getMessage());
        }
        if (outFile == null) {
            // frame names are the target's: a terminal gets them without control characters
            Writer safe = dev.hoist.core.SafeText.writer(stdout);
            safe.write(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            safe.flush();
            return;
        }
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            dev.hoist.core.PrivateFiles.create(outFile);
            java.nio.file.Files.write(outFile, bytes.toByteArray());
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot write " + outFile + ": " + e.getMessage());
        }
        err.println("hoist: wrote the " + format + " output to " + outFile);
        err.flush();
    }

    /**
     * Writes the report of a profile and its advice (null: the profile only) in {@code format} to
     * {@code outFile} (owner-only) or {@code stdout}; what {@link #render} and {@code hoist attach}'s
     * record key write.
     */
    static void write(Profile profile, AdviceReport advice, List<Rule> rules, Format format, EventKind kind, int top,
                      Path outFile, PrintWriter stdout) throws IOException {
        write(profile, advice, rules, format, kind, top, outFile, stdout, ProfileFilters.none(), List.of());
    }

    static void write(Profile profile, AdviceReport advice, List<Rule> rules, Format format, EventKind kind, int top,
                      Path outFile, PrintWriter stdout, ProfileFilters filters, List<Path> sourceDirs) throws IOException {
        try (Writer w = Output.open(outFile, stdout)) {
            switch (format) {
                case html -> dev.hoist.core.report.html.HtmlReport.write(profile, advice,
                        dev.hoist.core.report.html.HtmlReport.Options.defaults().withKind(kind).withTitle(filters.title)
                                .withThreads(filters.threads), w);
                case sarif -> AdviceSarif.write(advice, rules, Main.version(), Main.sarifLinks(sourceDirs), w);
                case json, text -> {
                    ProfileReport.Format f = format == Format.json ? ProfileReport.Format.JSON : ProfileReport.Format.TEXT;
                    ProfileReport.Options options = options(f, kind, top);
                    if (outFile != null) {
                        options = options.withColor(false);
                    }
                    if (advice == null) {
                        ProfileReport.write(profile, f, w, options);
                    } else {
                        ProfileReport.write(profile, f, w, options, advice);
                    }
                    if (filters.threads && f == ProfileReport.Format.TEXT) {
                        ProfileReport.writePerThread(profile, w, options);
                    }
                }
                default -> throw new IllegalStateException(format + " is written by export");
            }
        }
    }

    /**
     * Runs the advisor on a profile with the rules found on hoist's class path. Class path entries
     * that do not exist are reported on err and skipped, as the JVM skips them.
     */
    static AdviceReport advise(Profile profile, String classPath, boolean all, EventKind kind, List<Rule> rules, PrintWriter err) {
        return advise(profile, classPath, all, kind, rules, err, null, List.of());
    }

    /**
     * Advises once: the hot classes' bytes come from the class path, the JDK, and for the rest from
     * {@code memory} when not null (see {@link ClassPathAdvisor}).
     */
    static AdviceReport advise(Profile profile, String classPath, boolean all, EventKind kind, List<Rule> rules,
                               PrintWriter err, ClassPathAdvisor.MissingClasses memory, List<Path> sourceDirs) {
        try {
            return ClassPathAdvisor.advise(profile, classPath,
                    Advisor.Options.defaults().withAll(all).withKind(kind).withSourceDirs(sourceDirs), rules,
                    p -> err.println("hoist: warning: " + dev.hoist.core.SafeText.clean(p)), memory);
        } finally {
            err.flush();
        }
    }

    private static void warn(Profile profile, PrintWriter err) {
        for (String warning : profile.info().warnings()) {
            err.println("hoist: warning: " + dev.hoist.core.SafeText.clean(warning));
        }
        err.flush();
    }

    private static ProfileReport.Options options(ProfileReport.Format format, EventKind kind, int top) {
        ProfileReport.Options defaults = ProfileReport.Options.forTerminal();
        return new ProfileReport.Options(kind, top, defaults.linesPerMethod(), defaults.topSites(),
                defaults.topThreads(), format == ProfileReport.Format.TEXT && defaults.color());
    }

}
