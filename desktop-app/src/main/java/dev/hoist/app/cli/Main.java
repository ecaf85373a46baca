package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code hoist} command: parses the command line with picocli and dispatches to a
 * subcommand. Errors that the user can act on arrive as {@link HoistException} and become one
 * line on stderr and the documented exit code.
 */
@Command(name = "hoist",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Hoist samples a running JVM, finds the loops where the time and the allocations go, "
                + "and says what to change in them.",
        footerHeading = "%nExit codes:%n",
        footer = {"%s"})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The subcommands by name, in the order of the help. Each name is the one in its class's
     * {@code @Command} (MainTest checks), so that the command line can be built with only the
     * subcommand that runs: picocli reads a command's annotations through reflection when it is
     * added, and doing so for all of them is most of what {@code hoist --version} and
     * {@code hoist jvms} spent before this (installers/README.md).
     */
    static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> subs = new LinkedHashMap<>();
        subs.put("jvms", JvmsCommand::new);
        subs.put("profile", ProfileCommand::new);
        subs.put("attach", AttachCommand::new);
        subs.put("report", ReportCommand::new);
        subs.put("analyze", AnalyzeCommand::new);
        subs.put("diff", DiffCommand::new);
        subs.put("demo", DemoCommand::new);
        subs.put("startup", StartupCommand::new);
        subs.put("run", RunCommand::new);
        return subs;
    }

    public static void main(String[] args) {
        // the platform default charset, as the PrintWriter(OutputStream) constructors used before
        Charset charset = Charset.defaultCharset();
        System.exit(run(args, new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset)));
    }

    /** Runs the command line and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Map.of());
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}, with more picocli subcommands by name:
     * the application's entry point adds {@code gui} this way, so the CLI itself never names the
     * window. When the first argument names a subcommand, only that one is built; otherwise
     * (help, an option, a typo) all of them are, so that help and picocli's suggestions see every one.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, Supplier<Object>> extraSubcommands) {
        Map<String, Supplier<Object>> all = subcommands();
        all.putAll(extraSubcommands);
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        Supplier<Object> only = args.length > 0 ? all.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            all.forEach((name, sub) -> cl.addSubcommand(name, sub.get()));
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.getCommandSpec().usageMessage().footer(exitCodeTable());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        // a wrong command line is one line and where to look, as git and curl say it, not 40 lines of usage
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            CommandLine where = ex.getCommandLine();
            err.println("hoist: " + SafeText.clean(String.valueOf(ex.getMessage())));
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                err.println("  did you mean: " + SafeText.clean(String.join(", ", u.getSuggestions())) + "?");
            }
            err.println("  see '" + where.getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return Failure.USAGE.exitCode();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            HoistException he = ex instanceof HoistException h ? h : null;
            if (he != null) {
                // messages name files, classes and JVMs of the target's: their control characters are escaped
                err.println("hoist: " + SafeText.clean(he.getMessage()));
            } else {
                err.println("hoist: unexpected error: " + SafeText.clean(String.valueOf(ex)) + " (run with --verbose for details)");
            }
            if (main.verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return he != null ? he.failure().exitCode() : Failure.INTERNAL.exitCode();
        });
        return cl.execute(args);
    }

    static String exitCodeTable() {
        StringBuilder table = new StringBuilder("  0  success");
        for (Failure f : Failure.values()) {
            String code = Integer.toString(f.exitCode());
            table.append("\n  ").append(code).append(code.length() < 2 ? "  " : " ")
                    .append(f.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return table.append("\n  130 interrupted (Ctrl-C): what was sampled is kept and reported").toString();
    }

    /**
     * The links of a SARIF log: rule pages under {@code HOIST_DOCS_URL} when set (a copy of rules/docs
     * on your own server, or a fork), else Hoist's own; locations from the repository root when the
     * sources are found under {@code sources}.
     */
    static dev.hoist.core.report.findings.SarifLinks sarifLinks(java.util.List<java.nio.file.Path> sources) {
        return dev.hoist.core.report.findings.SarifLinks.of(System.getenv("HOIST_DOCS_URL"), sources);
    }

    /** This build's version, from the jar manifest ("dev" when run from classes). */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Reads the version from the jar manifest, so --version matches the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hoist " + version(),
                    "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
        }
    }
}
