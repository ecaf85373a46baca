package dev.hoist.installers;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Build-time tool (not shipped): records which classes Hoist loads when it starts, so that
 * {@code hoist-cds.sh} can archive them (AppCDS) for a fast start. It runs the app-image's own
 * launcher for the short commands people start most ({@code --version}, {@code --help},
 * {@code jvms}, {@code analyze} in text and JSON), each with {@code -XX:DumpLoadedClassList}, opens
 * the window once under a private Xvfb when one is installed ({@link WindowTraining}), and merges
 * the lists in first-seen order into {@code lib/app/hoist.classlist}. A command that fails, or a
 * window that does not show, fails the build: the image would be broken. No Xvfb only means the
 * window's classes are not archived, and says so.
 *
 * <p>Usage: {@code CdsTraining <app-image dir> <jar to analyze> <class path of WindowTraining> <work dir>}
 */
public final class CdsTraining {
    private static final long COMMAND_TIMEOUT_S = 180;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CdsTraining <app-image dir> <jar to analyze> <training class path> <work dir>");
            System.exit(2);
        }
        Path image = Path.of(args[0]).toAbsolutePath();
        String sampleJar = Path.of(args[1]).toAbsolutePath().toString();
        String trainingClassPath = args[2];
        Path work = Path.of(args[3]).toAbsolutePath();
        Path app = image.resolve("lib/app");
        Path launcher = image.resolve("bin/hoist");
        Path java = image.resolve("lib/runtime/bin/java");
        Files.createDirectories(work);
        // an archive from an earlier build would change what the runs load; start from none
        Files.deleteIfExists(app.resolve("hoist.jsa"));
        Files.deleteIfExists(app.resolve("hoist.classlist"));

        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("jvms"),
                List.of("analyze", sampleJar),
                List.of("analyze", sampleJar, "--format", "json"));
        List<Path> lists = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            List<String> command = new ArrayList<>();
            command.add(launcher.toString());
            command.addAll(commands.get(i));
            Path list = work.resolve(i + ".classlist");
            run(command, Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list), work.resolve(i + ".log"));
            lists.add(list);
            trained.add("hoist " + String.join(" ", commands.get(i)).replace(sampleJar, "<jar>"));
        }

        Optional<Path> xvfb = onPath("Xvfb");
        String window;
        if (xvfb.isEmpty()) {
            window = "skipped (no Xvfb on the PATH: the window's classes are not archived, so it starts slower)";
        } else {
            Path list = work.resolve("window.classlist");
            trainWindow(xvfb.get(), java, app, trainingClassPath, list, work.resolve("window.log"));
            lists.add(list);
            trained.add("hoist gui (under Xvfb)");
            window = "trained under Xvfb";
        }

        Set<String> merged = new LinkedHashSet<>();
        for (Path list : lists) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (keep(line)) {
                    merged.add(line);
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("# Classes Hoist loads when it starts, recorded by the build (installers, CdsTraining) from:");
        trained.forEach(t -> out.add("#   " + t));
        out.add("# hoist-cds.sh turns this list into hoist.jsa for the place where Hoist is installed.");
        out.addAll(merged);
        Files.write(app.resolve("hoist.classlist"), out, StandardCharsets.UTF_8);
        System.out.printf("CDS training: %d class list entries from %d runs; window: %s%n", merged.size(), lists.size(), window);
    }

    /**
     * Duplicates must go: the JDK 17 dump crashes on a repeated {@code @lambda-proxy} line. Comments
     * and the training's own classes go too, and so do generated proxies, which can not be
     * archived by name and would only print warnings.
     */
    static boolean keep(String line) {
        return !line.isBlank() && !line.startsWith("#") && !line.contains("dev/hoist/installers/")
                && !line.startsWith("jdk/proxy") && !line.startsWith("com/sun/proxy/");
    }

    private static void trainWindow(Path xvfb, Path java, Path app, String trainingClassPath, Path list, Path log)
            throws Exception {
        // -displayfd: Xvfb takes the first free display and writes its number once it accepts clients
        Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-nolisten", "tcp",
                "-screen", "0", "1280x1024x24")
                .redirectError(log.resolveSibling("xvfb.log").toFile())
                .start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String display = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            if (display == null || display.isBlank()) {
                throw new IllegalStateException("Xvfb did not start; see " + log.resolveSibling("xvfb.log"));
            }
            String classPath = app.resolve("hoist.jar") + File.pathSeparator + trainingClassPath;
            run(List.of(java.toString(), "-XX:DumpLoadedClassList=" + list, "-cp", classPath,
                            WindowTraining.class.getName()),
                    Map.of("DISPLAY", ":" + display.trim()), log);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void run(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_S
                    + " s; output in " + log);
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(log));
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue()
                    + "; its output is above and in " + log);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
