package dev.hoist.app;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bundled demo workload (an order-processing loop with planted anti-patterns, see
 * sample-workloads/DEMO.md) as a child JVM of Hoist: started from Hoist's own class path (the
 * application jar carries the workloads), ready once it prints its first throughput line, and
 * stopped, forcibly if need be, on {@link #close}. Used by {@code hoist demo} and {@code hoist gui --demo}.
 */
public final class DemoWorkload implements AutoCloseable {
    public static final String MAIN = dev.hoist.workloads.Catalog.DEMO_MAIN;

    private final Process process;
    private final String firstLine;

    private DemoWorkload(Process process, String firstLine) {
        this.process = process;
        this.firstLine = firstLine;
    }

    /** Starts the demo and waits (up to 30 s) until it runs; stops it again if it does not. */
    public static DemoWorkload start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), MAIN);
        pb.redirectErrorStream(true);
        Process demo = pb.start();
        boolean ok = false;
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HoistException(Failure.INTERNAL, "interrupted while the demo workload started");
            }
            ok = true;
            return new DemoWorkload(demo, line);
        } finally {
            if (!ok) {
                stop(demo);
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The demo's first throughput line ("demo: ... orders/s"). */
    public String firstLine() {
        return firstLine;
    }

    /**
     * The demo's source folder when Hoist runs from a checkout ({@code desktop-app/target/hoist.jar}
     * beside {@code sample-workloads/src/main/java}), so the advice can show the planted loops.
     */
    public static Optional<Path> sourceFolder() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator, -1)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
                Path src = dir.resolve("sample-workloads/src/main/java");
                if (Files.isDirectory(src.resolve("dev/hoist/workloads/demo"))) {
                    return Optional.of(src);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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
