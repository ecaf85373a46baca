package dev.hoist.app.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real child JVM (or process) for CLI and window tests; close() kills it, so use it in try-with-resources. */
public final class Child implements AutoCloseable {
    public final Process process;

    private Child(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} from the test class path with {@code jvmArgs}, waits for a stdout line starting with {@code ready}. */
    public static Child java(String mainClass, List<String> jvmArgs, String ready, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Child child = new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        try {
            child.awaitLine(ready);
        } catch (IOException | RuntimeException e) {
            child.process.destroyForcibly(); // a child that never got ready is not left running
            throw e;
        }
        return child;
    }

    public static Child command(String... cmd) throws IOException {
        return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    public long pid() {
        return process.pid();
    }

    private void awaitLine(String prefix) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // a child that prints nothing would block readLine for ever: after 60 s it is killed, which ends the stream
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(60));
                process.destroyForcibly();
            } catch (InterruptedException ready) {
                // it got ready in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(prefix)) {
                watchdog.interrupt();
                // keep draining so the child never blocks on a full pipe
                Thread t = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // child gone
                    }
                });
                t.setDaemon(true);
                t.start();
                return;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new IOException("child did not print '" + prefix + "'");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
