package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code hoist demo}: starts the bundled demo workload (an order-processing loop with planted
 * anti-patterns, see sample-workloads/DEMO.md) as a child JVM, profiles it like
 * {@code hoist profile}, prints the report and stops the workload, whatever happens.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the bundled demo workload, profile it, print the report, stop the workload.",
        footer = {"", "Examples:", "  hoist demo", "  hoist demo --duration 20s --format json --out demo.jfr"})
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_MAIN = "dev.hoist.workloads.demo.DemoMain";

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = Durations.class, paramLabel = "<time>",
            description = "How long to sample (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Mixin
    SamplingOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (options.out == null) {
            options.out = Path.of(System.getProperty("java.io.tmpdir"), "hoist-demo-" + ProcessHandle.current().pid() + ".jfr");
        }
        Process demo = start();
        try {
            List<String> firstLines = new ArrayList<>();
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> drain(demo, ready, firstLines), "hoist-demo-stdout");
            reader.setDaemon(true);
            reader.start();
            String line;
            try {
                line = ready.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new HoistException(Failure.INTERNAL, "the demo workload did not start"
                        + (demo.isAlive() ? " within 30 s" : " (exit code " + demo.exitValue() + ")")
                        + (firstLines.isEmpty() ? "" : ": " + String.join(" / ", firstLines)));
            }
            err.println("hoist: demo workload started as PID " + demo.pid() + " (" + line + ")");
            JvmInfo jvm = Targets.resolvePid(demo.pid());
            return ProfilingRun.run(jvm, options.request(demo.pid(), duration), options,
                    spec.commandLine().getOut(), err);
        } finally {
            demo.destroy();
            if (!demo.waitFor(5, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The demo runs from Hoist's own class path (the application jar carries the workloads). */
    private static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), DEMO_MAIN);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Completes {@code ready} with the first throughput line, then keeps the pipe drained so the demo never blocks. */
    private static void drain(Process demo, CompletableFuture<String> ready, List<String> firstLines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!ready.isDone()) {
                    if (line.startsWith("demo: ")) {
                        ready.complete(line.strip());
                    } else if (firstLines.size() < 5) {
                        firstLines.add(line.strip());
                    }
                }
            }
        } catch (IOException ignored) {
            // the demo was stopped
        }
        ready.completeExceptionally(new IOException("demo output ended"));
    }
}
