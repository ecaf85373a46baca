package dev.hoist.app.cli;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.report.ProfileReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hoist report <file>}: the profile report (hot methods with their hottest lines, top
 * allocation sites, threads) for a recording already on disk - async-profiler or JDK JFR, or
 * collapsed stacks - the same report {@code hoist profile} prints for the recording it made.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the profile report of a recording (.jfr from async-profiler or the JDK's Flight "
                + "Recorder) or of collapsed stacks (frame;frame;frame count per line).")
public final class ReportCommand implements Callable<Integer> {

    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "<recording.jfr|stacks.txt>", description = "The recording or collapsed-stacks file.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
            + "The JSON schema is hoist.profile/1 (docs/report-json.md).")
    Format format;

    @Option(names = "--event", paramLabel = "<kind>",
            description = "Rank methods by this event kind: cpu, wall, native, alloc, lock, sample (default: the first present of "
                    + "cpu, wall, sample, native, lock).")
    String event;

    @Option(names = "--top", defaultValue = "15", description = "How many hot methods to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        EventKind kind = null;
        if (event != null) {
            try {
                kind = EventKind.ofId(event);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--event: unknown kind '" + event
                        + "' (expected cpu, wall, native, alloc, lock or sample)");
            }
        }
        try (java.io.Writer w = Output.open(out, spec.commandLine().getOut())) {
            PrintWriter pw = new PrintWriter(w);
            if (format == Format.html) {
                // the advisor's section stays empty until the advice is computed here (branch advisor)
                dev.hoist.core.report.html.HtmlReport.write(ProfileReader.read(file), null,
                        dev.hoist.core.report.html.HtmlReport.Options.defaults().withKind(kind), pw);
            } else {
                print(file, format == Format.json ? ProfileReport.Format.JSON : ProfileReport.Format.TEXT, kind, top,
                        pw, spec.commandLine().getErr());
            }
            pw.flush();
        }
        if (out != null) {
            spec.commandLine().getErr().println("hoist: wrote the " + format + " report to " + out);
        }
        return 0;
    }

    /**
     * Reads the file and prints its report to out, warnings (what could not be read) to err. Shared
     * with {@code hoist profile}, which prints the same report for the recording it made.
     * Throws {@link dev.hoist.core.HoistException} (BAD_INPUT) when the file cannot be read.
     */
    static void print(Path file, ProfileReport.Format format, EventKind kind, int top, PrintWriter out, PrintWriter err) {
        Profile profile = ProfileReader.read(file);
        for (String warning : profile.info().warnings()) {
            err.println("hoist: warning: " + warning);
        }
        err.flush();
        ProfileReport.Options defaults = ProfileReport.Options.forTerminal();
        ProfileReport.Options options = new ProfileReport.Options(kind, top, defaults.linesPerMethod(), defaults.topSites(),
                defaults.topThreads(), format == ProfileReport.Format.TEXT && defaults.color());
        ProfileReport.write(profile, format, out, options);
    }
}
