package dev.hoist.core.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a program as a child process until its end point and times it. Its stdout and stderr are
 * read line by line (each line goes to the caller's sink, so the user still sees the output) and
 * matched against the end point's pattern; a port end point is watched in the kernel's socket
 * table ({@code /proc/net/tcp}, without connecting to the program) or, elsewhere, by connecting.
 * Once the end point is reached the program is stopped as a user would stop it (SIGTERM, so its
 * shutdown hooks and the JVM's exit-time dumps run), and killed with its whole process tree if it
 * does not exit within 10 s. The child never outlives the call.
 */
public final class Launcher {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long a training run may take to exit by itself after its end point before it is stopped. */
    private static final Duration NATURAL_EXIT = Duration.ofSeconds(3);

    private Launcher() {
    }

    /** How a launch ended. */
    public enum Outcome {
        /** The end point was reached (for {@link EndPoint.Exit}: the program exited with 0). */
        REACHED,
        /** The program exited with a non-zero code (before its end point). */
        FAILED,
        /** The program exited with 0 before the line or port it was to reach. */
        EXITED_EARLY,
        /** The end point was not reached within the timeout; the program was stopped. */
        TIMED_OUT
    }

    /** One run: its outcome, the time from launch to the end point (or to the exit or timeout), its exit code and last lines. */
    public record Launch(List<String> command, Outcome outcome, long nanos, int exitCode, List<String> lastLines) {
        public boolean reached() {
            return outcome == Outcome.REACHED;
        }

        public double millis() {
            return nanos / 1e6;
        }
    }

    /**
     * Runs {@code command} until {@code end} or {@code timeout}; each output line goes to
     * {@code output} (may be null). A program that is still running at the end is stopped.
     */
    public static Launch run(List<String> command, EndPoint end, Duration timeout, Consumer<String> output) throws IOException {
        return run(command, end, timeout, output, STOP_GRACE);
    }

    /**
     * As {@link #run(List, EndPoint, Duration, Consumer)}, giving a stopped program {@code grace} to
     * exit: a training run writes its archive at exit, which takes seconds for a large program.
     */
    public static Launch run(List<String> command, EndPoint end, Duration timeout, Consumer<String> output, Duration grace)
            throws IOException {
        if (end instanceof EndPoint.Port p && listening(p.port())) {
            throw new dev.hoist.core.HoistException(dev.hoist.core.Failure.USAGE, "port " + p.port()
                    + " is already open before the program starts; stop what listens on it or choose another --until-port");
        }
        ArrayDeque<String> tail = new ArrayDeque<>();
        CompletableFuture<Long> reached = new CompletableFuture<>();
        ProcessBuilder pb = new ProcessBuilder(command);
        long t0 = System.nanoTime();
        Process process = pb.start();
        List<Thread> readers = new ArrayList<>();
        try {
            EndPoint.LogLine log = end instanceof EndPoint.LogLine l ? l : null;
            readers.add(pump(process.getInputStream(), log, reached, tail, output));
            readers.add(pump(process.getErrorStream(), log, reached, tail, output));
            process.getOutputStream().close();
            CompletableFuture<Long> exited = process.onExit().thenApply(p -> System.nanoTime());
            Thread watcher = null;
            if (end instanceof EndPoint.Port p) {
                watcher = watchPort(p.port(), reached, exited);
            }
            long limit = timeout.toNanos();
            if (end instanceof EndPoint.After a) {
                limit = Math.min(limit, a.time().toNanos());
            }
            try {
                CompletableFuture.anyOf(reached, exited).get(limit, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // decided below
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the program was starting", e);
            }
            long now = System.nanoTime();
            if (watcher != null) {
                watcher.interrupt();
            }
            Outcome outcome;
            long at;
            if (reached.isDone() && !(end instanceof EndPoint.Exit)) {
                outcome = Outcome.REACHED;
                at = reached.join();
            } else if (exited.isDone()) {
                at = exited.join();
                int code = process.exitValue();
                boolean exitCounts = end instanceof EndPoint.Exit || end instanceof EndPoint.After;
                outcome = code != 0 ? Outcome.FAILED : exitCounts ? Outcome.REACHED : Outcome.EXITED_EARLY;
            } else if (end instanceof EndPoint.After) {
                outcome = Outcome.REACHED;
                at = now;
            } else {
                outcome = Outcome.TIMED_OUT;
                at = now;
            }
            if (grace.compareTo(STOP_GRACE) > 0 && outcome == Outcome.REACHED) {
                // a training run: a program that ends by itself right after its end point is left to
                // do so, since a SIGTERM that arrives while the JVM writes its archive at exit cuts
                // the archive short (JDK 25's AOT cache was lost that way)
                process.waitFor(NATURAL_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            stop(process, grace);
            for (Thread r : readers) {
                r.join(2000);
            }
            int code = process.isAlive() ? -1 : process.exitValue();
            synchronized (tail) {
                return new Launch(List.copyOf(command), outcome, at - t0, code, List.copyOf(tail));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the program was starting", e);
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    /** SIGTERM, then after the grace time SIGKILL to the whole tree. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream in, EndPoint.LogLine log, CompletableFuture<Long> reached, ArrayDeque<String> tail,
                               Consumer<String> output) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    long at = System.nanoTime();
                    if (log != null && !reached.isDone() && log.pattern().matcher(line).find()) {
                        reached.complete(at);
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 20) {
                            tail.removeFirst();
                        }
                    }
                    if (output != null) {
                        output.accept(line);
                    }
                }
            } catch (IOException e) {
                // the program was stopped
            }
        }, "hoist-child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread watchPort(int port, CompletableFuture<Long> reached, CompletableFuture<Long> exited) {
        Thread t = new Thread(() -> {
            try {
                while (!reached.isDone() && !exited.isDone()) {
                    if (listening(port)) {
                        reached.complete(System.nanoTime());
                        return;
                    }
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                // the launch ended another way
            }
        }, "hoist-port-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Whether a TCP socket listens on {@code port}: the kernel's table on Linux, a connection elsewhere. */
    static boolean listening(int port) {
        Path v4 = Path.of("/proc/net/tcp");
        if (Files.isReadable(v4)) {
            return listeningIn(v4, port) || listeningIn(Path.of("/proc/net/tcp6"), port);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listeningIn(Path table, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        try (var lines = Files.lines(table)) {
            // "sl local_address rem_address st ...": st 0A is LISTEN
            return lines.skip(1).map(String::trim).map(l -> l.split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
