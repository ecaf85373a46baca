package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;

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
        subcommands = {JvmsCommand.class, ProfileCommand.class, ReportCommand.class, AnalyzeCommand.class,
                DiffCommand.class, DemoCommand.class},
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

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new Object[0]);
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}, with more picocli subcommands: the
     * application's entry point adds {@code gui} this way, so the CLI itself never names the window.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Object... extraSubcommands) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        for (Object sub : extraSubcommands) {
            cl.addSubcommand(sub);
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.getCommandSpec().usageMessage().footer(exitCodeTable());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            HoistException he = ex instanceof HoistException h ? h : null;
            if (he != null) {
                err.println("hoist: " + he.getMessage());
            } else {
                err.println("hoist: unexpected error: " + ex + " (run with --verbose for details)");
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
        return "  0  success\n" + Arrays.stream(Failure.values())
                .map(f -> String.format("  %-2d %s", f.exitCode(), f.name().toLowerCase().replace('_', ' ')))
                .collect(Collectors.joining("\n"));
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
