package dev.hoist.core.jvm;

import dev.hoist.workloads.probe.HotAndAlloc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A real child JVM running the probe workload for attach and sampling tests. Started from a
 * launcher jar with a unique name, so name lookup in tests cannot match a JVM of another test
 * run on the same machine. Always close it (destroyForcibly + waitFor).
 */
public final class ChildJvm implements AutoCloseable {
    public static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final List<String> stdout = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ready = new CountDownLatch(1);
    public final Path launcher;

    private ChildJvm(Process process, Path launcher) {
        this.process = process;
        this.launcher = launcher;
        Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)), true), "child-stdout");
        Thread err = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)), false), "child-stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    private void pump(BufferedReader r, boolean isOut) {
        try (r) {
            for (String line; (line = r.readLine()) != null; ) {
                if (isOut) {
                    stdout.add(line);
                    if (line.equals("ready")) {
                        ready.countDown();
                    }
                } else {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the child was killed
        }
    }

    /** The classes directory or jar holding the probe workload. */
    public static Path workloadClasspath() {
        try {
            return Path.of(HotAndAlloc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar named {@code <name>.jar} whose manifest runs HotAndAlloc from the workload class path. */
    public static Path launcherJar(Path dir, String name) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HotAndAlloc.class.getName());
        String cp = workloadClasspath().toUri().toString();
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp);
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            // the manifest is the whole jar
        }
        return jar;
    }

    /** Starts the probe with the current JDK and waits until it prints ready. */
    public static ChildJvm start(Path launcher, String... args) throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("java.home")), List.of(), launcher, args);
    }

    public static ChildJvm start(Path javaHome, List<String> jvmArgs, Path launcher, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ChildJvm child = new ChildJvm(new ProcessBuilder(cmd).start(), launcher);
        if (!child.ready.await(60, TimeUnit.SECONDS)) {
            String err = child.stderr();
            child.close();
            throw new IllegalStateException("child JVM did not print ready within 60 s: " + err);
        }
        return child;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String stderr() {
        return stderr.toString();
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
