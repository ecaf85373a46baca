package dev.hoist.app.cli;

import dev.hoist.core.HoistException;
import dev.hoist.core.SafeText;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.TargetVitals;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.session.LiveProfiling;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code hoist attach}: an interactive session against a running JVM. Samples it as
 * {@code hoist profile} does (the same options, the same {@link LiveProfiling}) until the user
 * quits, and shows once a second the target's vital signs, the hot methods of the last seconds,
 * the busiest threads and the advice re-ranked on them ({@link AttachTerminal}). Without a terminal
 * it prints a plain snapshot every {@code --every}, for a log or a pipe. Quitting stops the sampler
 * only: the target keeps running and the recording stays on disk.
 */
@Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Attach to a running JVM and watch it live in the terminal: vital signs, hot methods of the "
                + "last seconds, busiest threads and the ranked advice, refreshed once a second, until you quit.",
        footer = {"", "Keys: c/w/a/l rank by cpu/wall/alloc/lock (an event not sampled yet is added: the sampler restarts,",
                "  the samples so far are kept), s last seconds / since start, z reset, p pause sampling / resume,",
                "  Up/Down and Enter: an advice's detail, r record (JFR + html/json/sarif report of what was sampled",
                "  so far), t thread dump, ? help, q quit (sampling stops, the target keeps running).",
                "", "Examples:",
                "  hoist attach 12345",
                "  hoist attach OrderService --event cpu,alloc,lock --recording orders.jfr",
                "  hoist attach 12345 --every 10s > watch.log      (no terminal: a snapshot every 10 s)",
                "  hoist attach 12345 --out final.html --format html   (the whole recording's report on quit)",
                "", "NO_COLOR set in the environment turns colours off. Vital signs and thread dumps are read with",
                "diagnostic commands over the Attach API (as jcmd does) and /proc: no management agent (JMX) is started."})
final class AttachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<pid|name>", description = "The JVM to attach to: its PID or a unique part of its main class.")
    String target;

    @Option(names = "--every", defaultValue = "5s", converter = Durations.class, paramLabel = "<time>",
            description = "Without a terminal (output to a file or a pipe): print a snapshot this often (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(names = "--window", defaultValue = "10s", converter = Durations.class, paramLabel = "<time>",
            description = "The 'last seconds' window of the hot methods and the advice (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Mixin
    SamplingOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Released once the recording's path is printed: a Ctrl-C without a terminal waits for it. */
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--every and --window must be at least 1s");
        }
        options.settleOutputs(spec.commandLine(), err);
        JvmInfo jvm = Targets.resolve(target);
        // the same request and start as hoist profile: until the user quits instead of for a duration
        SamplingRequest request = options.request(jvm.pid(), Duration.ofDays(365));
        LiveProfiling live = LiveProfiling.start(jvm, request, LiveProfiling.Options.defaults()
                .withSampler(options.sampler.choice).withRepair(!options.noRepair).withReadClassPath(!options.noAdvice)
                .withRedactArgs(options.redactArgs), line -> {
                    err.println("hoist: " + SafeText.clean(line));
                    err.flush();
                });
        try {
            TargetVitals vitals = null;
            try {
                vitals = TargetVitals.open(jvm.pid());
            } catch (HoistException e) {
                err.println("hoist: note: no vital signs or thread dumps: " + SafeText.clean(e.getMessage()));
            }
            List<Rule> rules = List.copyOf(RuleRegistry.load().all());
            String classPath = options.noAdvice ? null : live.classPath(options.classPath);
            return session(jvm, live, vitals, rules, classPath, out, err);
        } finally {
            live.close();
            finished.countDown();
        }
    }

    private int session(JvmInfo jvm, LiveProfiling live, TargetVitals vitals, List<Rule> rules, String classPath,
                        PrintWriter out, PrintWriter err) throws IOException {
        List<String> said = new ArrayList<>();
        try (AttachSession session = new AttachSession(jvm, live, vitals, rules, classPath, options.sources, window,
                Math.max(1, options.top))) {
            Map<String, Rule> byId = new LinkedHashMap<>();
            rules.forEach(r -> byId.put(r.id(), r));
            boolean color = System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty();
            // SIGTERM, SIGHUP (the SSH connection dropped), Ctrl-C without a terminal: the sampler in the
            // target is stopped before this JVM exits, and the recording's path is still printed
            Thread onStop = new Thread(() -> {
                session.requestStop();
                live.stop();
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "hoist-attach-stop");
            Runtime.getRuntime().addShutdownHook(onStop);
            try {
                show(session, byId, color, out, said);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs and waits until the recording's path is printed
                }
            }
            // said before the session closes: closing waits for nothing, but a signal's hook waits for this
            return finish(jvm, live, live.stop(), classPath, said, out, err);
        } finally {
            live.close();
        }
    }

    private void show(AttachSession session, Map<String, Rule> byId, boolean color, PrintWriter out, List<String> said)
            throws IOException {
        Terminal terminal = terminal();
        if (terminal != null) {
            try (Terminal t = terminal) {
                said.addAll(AttachTerminal.run(t, session, new AttachScreen(color && t.getNumericCapability(
                        org.jline.utils.InfoCmp.Capability.max_colors) != null, AttachTerminal.unicode(t), byId)));
            }
        } else {
            plain(session, new AttachScreen(false, false, byId), out);
        }
    }

    private int finish(JvmInfo jvm, LiveProfiling live, SamplingResult result, String classPath, List<String> said,
                       PrintWriter out, PrintWriter err) throws IOException {
        err.printf("hoist: stopped sampling JVM %d after %s with %s (cpu engine: %s); %s%n", jvm.pid(),
                ProfilingRun.human(result.duration()), result.sampler(), result.engine(),
                result.targetExited() ? "the target exited" : "the target keeps running");
        for (String s : said) {
            err.println("hoist: " + SafeText.clean(s));
        }
        for (String note : result.notes()) {
            err.println("hoist: note: " + SafeText.clean(note));
        }
        err.println("hoist: recording: " + (result.file() == null ? "(none)" : result.file()));
        err.flush();
        if (options.reportOut != null && result.file() != null) {
            ReportCommand.render(live.recorded(result), options.format, null, options.top, classPath, options.all,
                    options.reportOut, out, err, options.noAgent || result.targetExited() ? null : live.missingClasses(),
                    options.sources, options.filters);
        }
        if (result.targetExited()) {
            throw result.exitFailure(jvm.pid());
        }
        return 0;
    }

    /** The terminal when stdin and stdout are one that can take a full-screen session; else null. */
    private static Terminal terminal() throws IOException {
        // Hoist targets Java 17, where console() is null unless stdin and stdout are a terminal
        @SuppressWarnings("SystemConsoleNull")
        boolean tty = System.console() != null;
        if (!tty) {
            return null;
        }
        Terminal t = TerminalBuilder.builder().system(true).dumb(true).build();
        if (AttachTerminal.usable(t)) {
            return t;
        }
        t.close();
        return null;
    }

    /**
     * No terminal: a plain snapshot of the same screen every {@code --every}, until the target exits
     * or the process is stopped (Ctrl-C, SIGTERM), which stops sampling and keeps the recording.
     */
    private void plain(AttachSession session, AttachScreen screen, PrintWriter out) {
        AttachScreen.Ui ui = new AttachScreen.Ui();
        try {
            long next = System.nanoTime() + every.toNanos();
            while (!session.live().ended() && !session.stopRequested()) {
                AttachView v = session.refresh();
                if (System.nanoTime() >= next) {
                    next += every.toNanos();
                    out.println("--- hoist attach " + LocalTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS) + " ---");
                    // the last row is the footer, whose keys only a terminal has
                    List<AttributedString> rows = screen.render(v, ui, 100, 40);
                    int last = rows.size() - 2;
                    while (last > 0 && rows.get(last).toString().isBlank()) {
                        last--;
                    }
                    for (int i = 0; i <= last; i++) {
                        out.println(rows.get(i).toString().stripTrailing());
                    }
                    out.flush();
                }
                for (int i = 0; i < 5 && !session.stopRequested(); i++) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
