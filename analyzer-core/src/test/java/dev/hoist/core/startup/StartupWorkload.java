package dev.hoist.core.startup;

import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.startup.SlowStart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** The planted slow-start program ({@link SlowStart}) as the startup tests run it: a java command line, from classes or a jar. */
final class StartupWorkload {
    static final String MAIN = SlowStart.class.getName();

    private StartupWorkload() {
    }

    static String java() {
        return ChildJvm.currentJavaHome().resolve("bin").resolve("java").toString();
    }

    /** {@code java -cp <sample-workloads classes> SlowStart args...} */
    static JavaCommand fromClasses(String... args) {
        List<String> argv = new ArrayList<>(List.of(java(), "-cp", ChildJvm.codeSourceOf(SlowStart.class).toString(), MAIN));
        argv.addAll(List.of(args));
        return JavaCommand.of(argv);
    }

    /**
     * The root of the sample-workloads classes: their folder, or inside their jar, which is what the
     * reactor hands a module in {@code mvn verify} (a folder only in {@code mvn test}).
     */
    private static Path classesRoot() throws IOException {
        Path source = ChildJvm.codeSourceOf(SlowStart.class);
        if (Files.isDirectory(source)) {
            return source;
        }
        synchronized (StartupWorkload.class) {
            if (jarRoot == null) {
                jarRoot = java.nio.file.FileSystems.newFileSystem(source).getPath("/");
            }
            return jarRoot;
        }
    }

    private static Path jarRoot;

    /** SlowStart's classes packed into {@code dir/slowstart.jar} (AppCDS archives classes from jars only). */
    static Path jar(Path dir) throws IOException {
        Path classes = classesRoot();
        Path pkg = classes.resolve("dev/hoist/workloads/startup");
        Path jar = dir.resolve("slowstart.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.list(pkg)) {
            for (Path f : files.toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/').replaceFirst("^/", "")));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar holding one class nobody loads: what an unused dependency looks like. */
    static Path unusedJar(Path dir) throws IOException {
        Path jar = dir.resolve("unused-dependency.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("org/example/unused/Nobody.class"));
            out.write(Files.readAllBytes(classesRoot().resolve("dev/hoist/workloads/startup/SlowStart.class")));
            out.closeEntry();
        }
        return jar;
    }
}
