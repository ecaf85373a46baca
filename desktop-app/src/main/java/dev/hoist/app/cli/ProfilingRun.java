package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.SamplingSession;
import dev.hoist.core.session.LiveProfiling;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One sampling run as the CLI shows it: starts the sampler in the target, draws a progress bar
 * on a terminal, lets Ctrl-C end sampling early, and then prints the report for what was
 * recorded. The recording is on disk before the report is made, so a failing report or a target
 * that died loses nothing. Shared by {@code hoist profile} and {@code hoist demo}.
 */
final class ProfilingRun {

    private ProfilingRun() {
    }

    static int run(JvmInfo target, SamplingRequest request, SamplingOptions options, PrintWriter out, PrintWriter err)
            throws IOException {
        // Hoist targets Java 17, where console() is null without a terminal; Console.isTerminal()
        // (JDK 22) is not in its API
        @SuppressWarnings("SystemConsoleNull")
        boolean terminal = System.console() != null;
        if (options.format == ReportCommand.Format.sarif && options.noAdvice) {
            throw new HoistException(Failure.USAGE, "--format sarif prints the advice; it cannot be combined with --no-advice");
        }
        // the class path is read and the debug info repaired before the sampler starts (LiveProfiling)
        LiveProfiling live = LiveProfiling.start(target, request, LiveProfiling.Options.defaults()
                .withSampler(options.sampler.choice).withRepair(!options.noRepair).withReadClassPath(!options.noAdvice)
                .withRedactArgs(options.redactArgs), line -> {
                    err.println("hoist: " + dev.hoist.core.SafeText.clean(line));
                    err.flush();
                });
        SamplingSession session = live.sampling();
        String classPath = options.noAdvice ? null : live.classPath(options.classPath);
        CountDownLatch reported = new CountDownLatch(1);
        // Ctrl-C: stop sampling (the session writes the file) and give the report time to print.
        Thread onInterrupt = new Thread(() -> {
            session.stop();
            try {
                reported.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "hoist-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            err.printf("hoist: sampling JVM %d (%s) for %s: %s%n", target.pid(), dev.hoist.core.SafeText.clean(target.displayName()),
                    human(request.duration()), String.join(", ", request.events().stream().map(e -> e.id()).sorted().toList()));
            err.flush();
            Thread progress = terminal ? progressBar(session, err) : null;
            SamplingResult result;
            try {
                result = session.awaitResult();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = session.stop();
            } finally {
                if (progress != null) {
                    progress.interrupt();
                }
            }
            if (terminal) {
                err.print("\r\033[K");
            }
            err.printf("hoist: %s (cpu engine: %s) ran %s; recording: %s%n", result.sampler(), result.engine(),
                    human(result.duration()), result.file() == null ? "(none)" : result.file());
            for (String note : result.notes()) {
                err.println("hoist: note: " + dev.hoist.core.SafeText.clean(note));
            }
            err.flush();
            if (result.file() != null) {
                keepContext(target, result, classPath == null ? options.classPath : classPath, options.sources, err);
                ReportCommand.render(live.recorded(result), options.format, null, options.top, classPath, options.all,
                        options.reportOut, out, err, options.noAgent ? null : live.missingClasses(), options.sources, options.filters);
                out.flush();
            }
            if (result.targetExited()) {
                throw result.exitFailure(target.pid());
            }
            return 0;
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C is in progress: the hook is running and waits for the latch released above.
            }
        }
    }

    /**
     * Writes down, next to the recording, the class path and sources this run advised with: opened
     * later (the window, {@code hoist report}) the recording advises as it did here. A failure costs
     * that convenience only.
     */
    private static void keepContext(JvmInfo target, SamplingResult result, String classPath, java.util.List<java.nio.file.Path> sources,
                                    PrintWriter err) {
        var meta = new dev.hoist.core.session.SessionArchive.Meta(dev.hoist.core.session.RecordingSidecar.SCHEMA,
                target.displayName() + "  ·  PID " + target.pid(), target.pid() + " " + target.displayName(),
                result.sampler() + (result.engine() == null ? "" : " (" + result.engine() + ")"),
                result.events().stream().map(e -> e.id()).sorted().toList(), classPath == null ? "" : classPath,
                sources.stream().map(p -> p.toAbsolutePath().toString()).toList(), result.file().getFileName().toString(),
                System.currentTimeMillis());
        try {
            dev.hoist.core.session.RecordingSidecar.write(result.file(), meta);
        } catch (IOException | RuntimeException e) {
            err.println("hoist: note: could not write " + dev.hoist.core.session.RecordingSidecar.of(result.file()).getFileName()
                    + " (the class path for opening the recording later): " + dev.hoist.core.SafeText.clean(String.valueOf(e.getMessage())));
        }
    }

    private static Thread progressBar(SamplingSession session, PrintWriter err) {
        Thread t = new Thread(() -> {
            Duration total = session.request().duration();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Duration elapsed = session.elapsed();
                    double frac = Math.min(1.0, elapsed.toMillis() / (double) Math.max(1, total.toMillis()));
                    int width = 30;
                    int filled = (int) Math.round(frac * width);
                    err.printf("\r  [%s%s] %s / %s  (Ctrl-C stops early and keeps the samples)",
                            "#".repeat(filled), ".".repeat(width - filled), human(elapsed), human(total));
                    err.flush();
                    Thread.sleep(250);
                }
            } catch (InterruptedException ignored) {
                // sampling ended
            }
        }, "hoist-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = Math.round(ms / 1000.0);
        return s < 120 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
}
