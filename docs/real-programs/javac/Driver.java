import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * The JDK's own javac (javax.tools.ToolProvider) compiles the commons-lang3 sources (a few
 * hundred files) to a temp folder, again and again. One op = one class file generated.
 * Usage: Driver [--seconds N] <source dir>
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        String input = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
            else input = args[i];
        }
        if (input == null) throw new IllegalArgumentException("usage: Driver [--seconds N] <source dir>");
        List<File> sources;
        try (Stream<Path> walk = Files.walk(Path.of(input))) {
            sources = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
                    .map(Path::toFile).sorted().collect(Collectors.toList());
        }
        Path out = Files.createTempDirectory("hoist-javac-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(out)));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = javac.getStandardFileManager(d -> { }, null, StandardCharsets.UTF_8);
        List<String> options = List.of("-d", out.toString(), "-proc:none", "-nowarn", "-Xlint:none",
                "-encoding", "UTF-8", "-implicit:none");
        TaskListener counter = new TaskListener() {
            @Override public void finished(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.GENERATE) OPS.incrementAndGet();
            }
        };
        meter("javac", seconds);
        while (true) {
            JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), files, d -> { }, options, null,
                    files.getJavaFileObjectsFromFiles(sources));
            task.addTaskListener(counter);
            if (!task.call()) throw new IllegalStateException("javac failed on " + input);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
        }
    }

    /** Prints "<name>: <n> ops/s" once a second; after `seconds` seconds (0: never) it stops the JVM. */
    static void meter(String name, int seconds) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime(), last = 0;
            for (int s = 1; ; s++) {
                long wait = start + s * 1_000_000_000L - System.nanoTime();
                if (wait > 0) try { Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); } catch (InterruptedException e) { return; }
                long n = OPS.get();
                System.out.println(name + ": " + (n - last) + " ops/s");
                last = n;
                if (seconds > 0 && s >= seconds) { System.out.flush(); Runtime.getRuntime().halt(0); }
            }
        }, "meter");
        t.setDaemon(true);
        t.start();
    }
}
