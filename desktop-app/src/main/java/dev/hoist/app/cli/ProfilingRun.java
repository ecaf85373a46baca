package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.jvm.TargetClassBytes;
import dev.hoist.core.jvm.TargetClassPath;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.SamplingSession;
import dev.hoist.core.sampling.Samplers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
        boolean terminal = System.console() != null;
        if (options.format == ReportCommand.Format.sarif && options.noAdvice) {
            throw new HoistException(Failure.USAGE, "--format sarif prints the advice; it cannot be combined with --no-advice");
        }
        // read now: a target that exits mid-run takes its class path with it
        String classPath = options.noAdvice ? null : dev.hoist.core.classes.ClassPath.join(TargetClassPath.of(target.pid()), options.classPath);
        if (!options.noRepair) {
            // before the sampler starts, so every recorded sample is of recompiled code
            err.println("hoist: " + dev.hoist.core.sampling.DebugInfoRepair.run(target, options.sampler.choice).note());
            err.flush();
        }
        SamplingSession session = Samplers.start(target, request, options.sampler.choice);
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
            err.printf("hoist: sampling JVM %d (%s) for %s: %s%n", target.pid(), target.displayName(),
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
                err.println("hoist: note: " + note);
            }
            err.flush();
            if (result.file() != null) {
                ReportCommand.render(result.file(), options.format, null, options.top, classPath, options.all,
                        options.reportOut, out, err, options.noAgent ? null : names -> fromTarget(target.pid(), names, err),
                        options.sources);
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
     * The hot classes on no path, read from the target's memory by the class-bytes agent. Done after
     * sampling because the capture may make the JIT recompile those classes; the scratch files go
     * once the bytes are in memory.
     */
    static ClassLookup fromTarget(long pid, List<String> names, PrintWriter err) {
        TargetClassBytes got = TargetClassBytes.fetch(pid, names);
        if (!got.captured().isEmpty()) {
            err.printf("hoist: read %d class(es) that are on no path from JVM %d's memory%n", got.captured().size(), pid);
            err.flush();
        }
        return got;
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
