package dev.hoist.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A real child process for tests, nearly always a JVM: the one place where tests build a
 * {@code java} command line. Built with {@link #java()} (or {@link #command(String...)} for any
 * other program), started with {@link Builder#start()}, and always closed: {@link #close()} kills
 * the process and everything it started, so use it in try-with-resources.
 *
 * <p>By default the child's stdout and stderr are read into memory line by line (so the child never
 * blocks on a full pipe) and can be asked for with {@link #stdout()} and {@link #stderr()}; a ready
 * line ({@link Builder#readyLine(String)}) makes {@code start()} wait until the child printed it.
 */
public final class ChildJvm implements AutoCloseable {
    /** Where the machine's JDK 25 lives when it has one; tests that need it assume it is there. */
    public static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final Process process;
    private final List<String> command;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer stderr = new StringBuffer();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch stdoutClosed = new CountDownLatch(1);

    private ChildJvm(Process process, List<String> command) {
        this.process = process;
        this.command = command;
    }

    /** A {@code java} command line: the running JDK, no options, to be given a main class or a jar. */
    public static Builder java() {
        return new Builder(true, List.of());
    }

    /** Any other program, e.g. {@code sleep 60} as a live process that is no JVM. */
    public static Builder command(String... command) {
        return new Builder(false, List.of(command));
    }

    /** The JDK the tests run on. */
    public static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** This test JVM's class path: test classes, main classes and all dependencies. */
    public static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /** The classes directory or jar that {@code c} was loaded from. */
    public static Path codeSourceOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A jar named {@code <name>.jar} in {@code dir} whose manifest runs {@code mainClass} from
     * {@code classpath}; the manifest is the whole jar. Started with {@link Builder#jar(Path)}, its name
     * is the JVM's display name, so a unique name lets a test find exactly its own child.
     */
    public static Path launcherJar(Path dir, String name, String mainClass, Path classpath) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classpath.toUri().toString());
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            // the manifest is the whole jar
        }
        return jar;
    }

    /** How a child is started; every setter returns this builder. */
    /** The class path's jars and folders copied under a fresh folder in /tmp that every user can read; that folder. */
    public static Path readableCopy(String classPath) throws java.io.IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "hoist-readable-");
        dir.toFile().deleteOnExit();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("classes");
        for (String e : classPath.split(java.io.File.pathSeparator)) {
            Path src = Path.of(e);
            if (Files.isDirectory(src)) {
                try (java.util.stream.Stream<Path> all = Files.walk(src)) {
                    for (Path p : all.toList()) {
                        Path to = out.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) Files.createDirectories(to);
                        else Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else if (Files.isRegularFile(src)) {
                // a jar: its classes are what the workload needs
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(src); java.util.stream.Stream<Path> all = Files.walk(jar.getPath("/"))) {
                    for (Path p : all.toList()) {
                        Path to = out.resolve(p.toString().substring(1));
                        if (Files.isDirectory(p)) Files.createDirectories(to);
                        else Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return out;
    }


    public static final class Builder {
        private final boolean java;
        private final List<String> program;
        private final List<String> prefix = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private final List<String> unsetEnv = new ArrayList<>();
        private Path javaHome = currentJavaHome();
        private String classpath;
        private String mainClass;
        private Path jar;
        private Path directory;
        private Predicate<String> ready;
        private String readyName;
        private Duration readyTimeout = Duration.ofSeconds(60);
        private Path log;
        private ProcessBuilder.Redirect stdoutTo;
        private ProcessBuilder.Redirect stderrTo;
        private boolean mergeStderr;
        private boolean pipeStdout;

        private Builder(boolean java, List<String> program) {
            this.java = java;
            this.program = program;
        }

        /** The JDK (or jlinked runtime) whose {@code bin/java} runs the child. */
        public Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        /** JVM options, before the class path and main class. */
        public Builder jvmArgs(String... options) {
            return jvmArgs(List.of(options));
        }

        public Builder jvmArgs(List<String> options) {
            jvmArgs.addAll(options);
            return this;
        }

        public Builder classpath(String path) {
            this.classpath = path;
            return this;
        }

        public Builder classpath(Path path) {
            return classpath(path.toString());
        }

        /** {@code -cp} with this test JVM's own class path. */
        public Builder testClasspath() {
            return classpath(ChildJvm.testClasspath());
        }

        public Builder mainClass(String name) {
            this.mainClass = name;
            return this;
        }

        public Builder mainClass(Class<?> main) {
            return mainClass(main.getName());
        }

        /** {@code -jar jar} instead of a class path and main class. */
        public Builder jar(Path launcher) {
            this.jar = launcher;
            return this;
        }

        /** Program arguments, after the main class (or jar, or command). */
        public Builder args(String... arguments) {
            return args(List.of(arguments));
        }

        public Builder args(List<String> arguments) {
            args.addAll(arguments);
            return this;
        }

        /** A command the child runs under, e.g. {@code runuser -u nobody --}. */
        public Builder prefix(String... command) {
            prefix.addAll(List.of(command));
            return this;
        }

        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder unsetEnv(String name) {
            unsetEnv.add(name);
            return this;
        }

        /** start() returns once the child printed exactly this line on stdout. */
        public Builder readyLine(String line) {
            this.ready = line::equals;
            this.readyName = "'" + line + "'";
            return this;
        }

        /** start() returns once the child printed a stdout line starting with this. */
        public Builder readyPrefix(String prefix) {
            this.ready = l -> l.startsWith(prefix);
            this.readyName = "a line starting with '" + prefix + "'";
            return this;
        }

        /** start() returns once the child printed a stdout line containing this. */
        public Builder readyContaining(String text) {
            this.ready = l -> l.contains(text);
            this.readyName = "a line containing '" + text + "'";
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** stderr joins stdout (one stream, in the order printed). */
        public Builder mergeStderr() {
            this.mergeStderr = true;
            return this;
        }

        /** stdout and stderr together into this file, not into memory. */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        public Builder stdoutTo(ProcessBuilder.Redirect to) {
            this.stdoutTo = to;
            return this;
        }

        public Builder stderrTo(ProcessBuilder.Redirect to) {
            this.stderrTo = to;
            return this;
        }

        public Builder inheritIO() {
            return stdoutTo(ProcessBuilder.Redirect.INHERIT).stderrTo(ProcessBuilder.Redirect.INHERIT);
        }

        /** stdout is left to the test, to read from {@link ChildJvm#process()}'s input stream. */
        public Builder pipeStdout() {
            this.pipeStdout = true;
            return this;
        }

        /** The command line this builder starts. */
        public List<String> commandLine() {
            List<String> cmd = new ArrayList<>(prefix);
            if (java) {
                cmd.add(javaHome.resolve("bin").resolve("java").toString());
                cmd.addAll(jvmArgs);
                if (jar != null) {
                    cmd.add("-jar");
                    cmd.add(jar.toString());
                } else {
                    if (classpath != null) {
                        cmd.add("-cp");
                        cmd.add(classpath);
                    }
                    if (mainClass != null) {
                        cmd.add(mainClass);
                    }
                }
            } else {
                cmd.addAll(program);
            }
            cmd.addAll(args);
            return cmd;
        }

        /** Starts the child and, if a ready line was given, waits for it (killing the child if it never comes). */
        public ChildJvm start() throws IOException {
            List<String> cmd = commandLine();
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (directory != null) {
                pb.directory(directory.toFile());
            }
            unsetEnv.forEach(pb.environment()::remove);
            pb.environment().putAll(env);
            if (log != null) {
                pb.redirectErrorStream(true).redirectOutput(log.toFile());
            } else {
                pb.redirectErrorStream(mergeStderr);
                if (stdoutTo != null) {
                    pb.redirectOutput(stdoutTo);
                }
                if (stderrTo != null) {
                    pb.redirectError(stderrTo);
                }
            }
            ChildJvm child = new ChildJvm(pb.start(), List.copyOf(cmd));
            boolean readStdout = log == null && stdoutTo == null && !pipeStdout;
            boolean readStderr = log == null && !mergeStderr && stderrTo == null;
            if (readStdout) {
                child.pump(child.process.getInputStream(), true, ready);
            } else {
                child.stdoutClosed.countDown();
            }
            if (readStderr) {
                child.pump(child.process.getErrorStream(), false, null);
            }
            if (ready != null) {
                if (!readStdout) {
                    child.kill();
                    throw new IllegalStateException("a ready line needs stdout read by the child launcher");
                }
                child.awaitReady(readyName, readyTimeout);
            }
            return child;
        }
    }

    private void pump(InputStream in, boolean isOut, Predicate<String> readyLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (isOut) {
                        stdout.add(line);
                        if (readyLine != null && readyLine.test(line)) {
                            ready.countDown();
                        }
                    } else {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the child was killed
            } finally {
                if (isOut) {
                    stdoutClosed.countDown();
                }
            }
        }, isOut ? "child-stdout-" + process.pid() : "child-stderr-" + process.pid());
        t.setDaemon(true);
        t.start();
    }

    private void awaitReady(String what, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!ready.await(50, TimeUnit.MILLISECONDS)) {
                if (stdoutClosed.getCount() == 0 && ready.getCount() > 0) {
                    kill();
                    throw new IOException("child exited (" + exitValueOrAlive() + ") before it printed " + what
                            + ": " + command + "\nstdout: " + stdout() + "\nstderr: " + stderr());
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IOException("child did not print " + what + " within " + timeout.toSeconds() + " s: "
                            + command + "\nstdout: " + stdout() + "\nstderr: " + stderr());
                }
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the child", e);
        }
    }

    private String exitValueOrAlive() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            return process.isAlive() ? "still alive" : "exit " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public List<String> command() {
        return command;
    }

    /** The stdout lines read so far (empty when stdout went elsewhere). */
    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** The stderr read so far (empty when stderr went elsewhere). */
    public String stderr() {
        return stderr.toString();
    }

    /** Waits for the child to exit by itself; false if it is still running after {@code timeout}. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** The command line, for messages. */
    @Override
    public String toString() {
        return String.join(" ", command) + " (pid " + process.pid() + ")";
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills the child and all its descendants (SIGKILL) and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
    }
}
