package dev.hoist.core.startup;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's {@code java ...} command line, as given after {@code --}: the launcher, its JVM
 * options, and what it runs (a main class, {@code -jar}, {@code -m}). Hoist never runs any of it
 * in its own JVM; it adds its own JVM options right after the launcher (so they come before the
 * main class and apply to the JVM, never to the program) and reads the class path to tell which
 * jars are on it.
 */
public final class JavaCommand {
    private static final List<String> TAKES_VALUE = List.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--add-modules", "--add-opens", "--add-exports", "--add-reads", "--patch-module", "--limit-modules",
            "--upgrade-module-path", "--enable-native-access");

    private final List<String> argv;

    private JavaCommand(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    /** Checks that {@code argv} starts with a {@code java} launcher; usage error otherwise. */
    public static JavaCommand of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new HoistException(Failure.USAGE, "give the program's java command line after --, e.g. -- java -jar app.jar");
        }
        String launcher = Path.of(argv.get(0)).getFileName().toString();
        if (!launcher.equals("java") && !launcher.equals("java.exe")) {
            throw new HoistException(Failure.USAGE, "the command after -- must start with java (or a path to it), not '"
                    + argv.get(0) + "'; Hoist adds its JVM options to it");
        }
        return new JavaCommand(argv);
    }

    public List<String> argv() {
        return argv;
    }

    /** The command with {@code options} added right after the launcher. */
    public List<String> withOptions(List<String> options) {
        List<String> out = new ArrayList<>(argv.size() + options.size());
        out.add(argv.get(0));
        out.addAll(options);
        out.addAll(argv.subList(1, argv.size()));
        return out;
    }

    /** Index of the first argument that is not a JVM option (the main class, -jar, -m), or argv's size. */
    int mainIndex() {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-jar") || a.equals("-m") || a.equals("--module") || !a.startsWith("-")) {
                return i;
            }
            if (TAKES_VALUE.contains(a)) {
                i++;
            }
        }
        return argv.size();
    }

    /** The index of the class path's value ({@code -cp X}), or -1. */
    private int classPathIndex() {
        int end = mainIndex();
        int found = -1;
        for (int i = 1; i < end; i++) {
            String a = argv.get(i);
            if ((a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) && i + 1 < argv.size()) {
                found = i + 1;
            }
            if (TAKES_VALUE.contains(a)) {
                i++;
            }
        }
        return found;
    }

    /** The {@code -jar} file, if the command runs one. */
    public Optional<Path> jar() {
        int m = mainIndex();
        return m + 1 < argv.size() && argv.get(m).equals("-jar") ? Optional.of(Path.of(argv.get(m + 1))) : Optional.empty();
    }

    /**
     * The class path entries as the JVM sees them: {@code -cp} (with {@code dir/*} expanded), or
     * the {@code -jar} file and its manifest's {@code Class-Path}.
     */
    public List<Path> classPath() {
        List<Path> out = new ArrayList<>();
        Optional<Path> jar = jar();
        if (jar.isPresent()) {
            out.add(jar.get());
            try (JarFile jf = new JarFile(jar.get().toFile())) {
                var mf = jf.getManifest();
                String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                if (cp != null) {
                    Path base = jar.get().toAbsolutePath().getParent();
                    for (String e : cp.trim().split("\\s+", -1)) {
                        if (!e.isEmpty()) {
                            out.add(e.startsWith("file:") ? Path.of(java.net.URI.create(e)) : base.resolve(e));
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // the JVM will say what is wrong with the jar; the class path is then just the jar
            }
            return out;
        }
        int i = classPathIndex();
        String cp = i < 0 ? System.getenv("CLASSPATH") : argv.get(i);
        if (cp == null || cp.isEmpty()) {
            return out;
        }
        for (String e : cp.split(java.io.File.pathSeparator, -1)) {
            if (e.endsWith("*")) {
                Path dir = Path.of(e.substring(0, e.length() - 1).isEmpty() ? "." : e.substring(0, e.length() - 1));
                try (var s = Files.list(dir)) {
                    s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")).sorted().forEach(out::add);
                } catch (IOException ex) {
                    // a wildcard of a missing folder adds nothing, as for the JVM
                }
            } else if (!e.isEmpty()) {
                out.add(Path.of(e));
            }
        }
        return out;
    }

    /**
     * Where the program's own classes are, to read their bytes (never to load them): the class
     * path, then each {@code --module-path} ({@code -p}) entry, a folder of modular jars standing
     * for its jars. What {@code hoist run} and {@code hoist startup} advise with.
     */
    public List<Path> codePath() {
        List<Path> out = new ArrayList<>(classPath());
        int end = mainIndex();
        for (int i = 1; i < end; i++) {
            String a = argv.get(i);
            if ((a.equals("-p") || a.equals("--module-path")) && i + 1 < argv.size()) {
                for (String e : argv.get(i + 1).split(java.io.File.pathSeparator, -1)) {
                    if (!e.isEmpty()) {
                        out.addAll(moduleEntry(Path.of(e)));
                    }
                }
            }
            if (TAKES_VALUE.contains(a)) {
                i++;
            }
        }
        return out;
    }

    /** {@link #codePath()} joined with the platform's path separator, as a class path string. */
    public String codePathString() {
        return String.join(java.io.File.pathSeparator, codePath().stream().map(Path::toString).toList());
    }

    /** A module path entry: a jar, an exploded module, or a folder whose jars are modules. */
    private static List<Path> moduleEntry(Path e) {
        if (!Files.isDirectory(e) || Files.isRegularFile(e.resolve("module-info.class"))) {
            return List.of(e);
        }
        try (var s = Files.list(e)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")).sorted().toList();
        } catch (IOException ex) {
            return List.of(); // a missing folder adds nothing, as for the JVM
        }
    }

    /**
     * The command that dumps a static CDS archive for this program: the launcher, the program's own
     * JVM options (its {@code -cp} among them; for {@code -jar} the jar becomes {@code -cp}), then
     * {@code dumpOptions}, and no main: {@code -Xshare:dump} loads the listed classes and exits.
     */
    public List<String> dumpCommand(List<String> dumpOptions) {
        List<String> out = new ArrayList<>(argv.subList(0, mainIndex()));
        jar().ifPresent(j -> {
            out.add("-cp");
            out.add(j.toString());
        });
        out.addAll(dumpOptions);
        return out;
    }

    /** The command with its {@code -cp} value replaced; empty when it has no {@code -cp} to replace. */
    public Optional<JavaCommand> withClassPath(List<Path> entries) {
        int i = classPathIndex();
        if (i < 0) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(argv);
        out.set(i, String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList()));
        return Optional.of(new JavaCommand(out));
    }

    /** The JDK the launcher belongs to (its {@code release} file), found through PATH when not a path. */
    public Path javaHome() {
        Path launcher = Path.of(argv.get(0));
        if (launcher.getParent() == null) {
            String path = System.getenv("PATH");
            for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, launcher.toString());
                if (Files.isExecutable(p)) {
                    launcher = p;
                    break;
                }
            }
        }
        try {
            Path real = launcher.toRealPath();
            return real.getParent().getParent();
        } catch (IOException | NullPointerException e) {
            throw new HoistException(Failure.USAGE, "cannot find the java launcher " + argv.get(0) + ": " + e.getMessage());
        }
    }

    /** The launcher's JDK version, e.g. {@code 17.0.15}, from its {@code release} file ("unknown" without one). */
    public String javaVersion() {
        try (InputStream in = Files.newInputStream(javaHome().resolve("release"))) {
            Matcher m = Pattern.compile("JAVA_VERSION=\"([^\"]+)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The feature release (17 for 17.0.15, 25 for 25), 0 when unknown. */
    public int feature() {
        String v = javaVersion();
        Matcher m = Pattern.compile("^(1\\.)?(\\d+)").matcher(v);
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    /**
     * A key for archives made for this command: the JDK, the class path (with each entry's size
     * and modification time, since an archive is only valid for the same jars) and the main.
     */
    public String cacheKey() {
        StringBuilder b = new StringBuilder(javaHome().toString()).append('|').append(javaVersion());
        for (Path p : classPath()) {
            b.append('|').append(p.toAbsolutePath());
            try {
                b.append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                b.append(":missing");
            }
        }
        int m = mainIndex();
        b.append('|').append(m < argv.size() ? argv.get(m) : "");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
