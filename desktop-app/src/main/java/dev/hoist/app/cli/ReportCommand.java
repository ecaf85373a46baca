package dev.hoist.app.cli;

import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
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
import java.io.UncheckedIOException;
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

    enum Format { text, json, html, sarif }

    @Parameters(index = "0", paramLabel = "<recording.jfr|stacks.txt>", description = "The recording or collapsed-stacks file.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
            + "The JSON schema is hoist.profile/1 (docs/report-json.md); sarif is the ranked advice as SARIF 2.1.0.")
    Format format;

    @Option(names = "--event", paramLabel = "<kind>",
            description = "Rank methods by this event kind: cpu, wall, native, alloc, lock, sample (default: the first present of "
                    + "cpu, wall, sample, native, lock).")
    String event;

    @Option(names = "--top", defaultValue = "15", description = "How many hot methods to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "<path>",
            description = "The profiled application's class path (jars and directories, separated by '"
                    + "${sys:path.separator}'), where the advisor reads the hot methods' bytecode. Without it only JDK "
                    + "classes are found and the advice says which methods it could not read.")
    String classPath;

    @Option(names = "--no-advice", description = "Print the profile report only, without the ranked advice.")
    boolean noAdvice;

    @Option(names = "--all", description = "Also list findings in loops the profile never sampled.")
    boolean all;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EventKind kind = null;
        if (event != null) {
            try {
                kind = EventKind.ofId(event);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--event: unknown kind '" + event
                        + "' (expected cpu, wall, native, alloc, lock or sample)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.html) {
            Profile profile = read(file, err);
            AdviceReport advice = noAdvice ? null
                    : advise(profile, classPath, all, kind, List.copyOf(RuleRegistry.load().all()), err);
            dev.hoist.core.report.html.HtmlReport.write(profile, advice,
                    dev.hoist.core.report.html.HtmlReport.Options.defaults().withKind(kind), out);
            return 0;
        }
        if (format == Format.sarif) {
            if (noAdvice) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format sarif prints the advice; it cannot be combined with --no-advice");
            }
            Profile profile = read(file, err);
            List<Rule> rules = List.copyOf(RuleRegistry.load().all());
            AdviceReport advice = advise(profile, classPath, all, kind, rules, err);
            try {
                AdviceSarif.write(advice, rules, Main.version(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        ProfileReport.Format f = format == Format.json ? ProfileReport.Format.JSON : ProfileReport.Format.TEXT;
        if (noAdvice) {
            print(file, f, kind, top, out, err);
        } else {
            print(file, f, kind, top, classPath, all, out, err);
        }
        return 0;
    }

    /**
     * The report followed by the ranked advice, the bytecode read from {@code classPath} (may be
     * null: JDK classes only) and jrt:. Shared with {@code hoist profile}, which passes the target's
     * class path.
     */
    static void print(Path file, ProfileReport.Format format, EventKind kind, int top, String classPath, boolean all,
                      PrintWriter out, PrintWriter err) {
        Profile profile = read(file, err);
        AdviceReport advice = advise(profile, classPath, all, kind, List.copyOf(RuleRegistry.load().all()), err);
        ProfileReport.write(profile, format, out, options(format, kind, top), advice);
    }

    /**
     * Runs the advisor on a profile with the rules found on hoist's class path. Class path entries
     * that do not exist are reported on err and skipped, as the JVM skips them.
     */
    static AdviceReport advise(Profile profile, String classPath, boolean all, EventKind kind, List<Rule> rules, PrintWriter err) {
        ClassPath.Builder b = ClassPath.builder().problems(p -> err.println("hoist: warning: " + p));
        boolean given = classPath != null && !classPath.isBlank();
        if (given) {
            b.addClassPath(classPath);
        }
        try (ClassPath cp = b.build()) {
            Advisor.Options options = Advisor.Options.defaults().withAll(all).withKind(kind)
                    .withMissingHint(given ? "is it on --classpath?" : "pass --classpath");
            return new Advisor(cp, rules, options).advise(profile);
        } finally {
            err.flush();
        }
    }

    private static Profile read(Path file, PrintWriter err) {
        Profile profile = ProfileReader.read(file);
        for (String warning : profile.info().warnings()) {
            err.println("hoist: warning: " + warning);
        }
        err.flush();
        return profile;
    }

    private static ProfileReport.Options options(ProfileReport.Format format, EventKind kind, int top) {
        ProfileReport.Options defaults = ProfileReport.Options.forTerminal();
        return new ProfileReport.Options(kind, top, defaults.linesPerMethod(), defaults.topSites(),
                defaults.topThreads(), format == ProfileReport.Format.TEXT && defaults.color());
    }

    /**
     * Reads the file and prints its report to out, warnings (what could not be read) to err. Shared
     * with {@code hoist profile}, which prints the same report for the recording it made.
     * Throws {@link dev.hoist.core.HoistException} (BAD_INPUT) when the file cannot be read.
     */
    static void print(Path file, ProfileReport.Format format, EventKind kind, int top, PrintWriter out, PrintWriter err) {
        Profile profile = read(file, err);
        ProfileReport.write(profile, format, out, options(format, kind, top));
    }
}
