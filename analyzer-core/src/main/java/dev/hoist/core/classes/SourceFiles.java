package dev.hoist.core.classes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the source file of an analyzed class so advice can show the loop in the user's own code:
 * in source folders the user named, in a {@code -sources.jar} beside a class path jar (what Maven
 * and Gradle publish next to {@code foo.jar}), and, for a Maven or Gradle class folder or jar
 * ({@code target/classes}, {@code target/app.jar}, {@code build/classes/java/main},
 * {@code build/libs/app.jar}), in the project's {@code src/main/java}.
 * Files are read as text and kept once read; nothing is compiled or run.
 */
public final class SourceFiles {
    private static final long MAX_SOURCE_BYTES = 4L * 1024 * 1024;

    private final List<Path> dirs;
    private final List<Path> jars;
    private final Map<String, Optional<List<String>>> cache = new ConcurrentHashMap<>();

    private SourceFiles(List<Path> dirs, List<Path> jars) {
        this.dirs = List.copyOf(dirs);
        this.jars = List.copyOf(jars);
    }

    /** Only the given source folders. */
    public static SourceFiles of(List<Path> sourceDirs) {
        return new SourceFiles(sourceDirs, List.of());
    }

    /**
     * The given source folders first, then what sits beside the class path's entries: a
     * {@code name-sources.jar} next to {@code name.jar}, and the source folder of a Maven or Gradle
     * class output folder.
     */
    public static SourceFiles of(List<Path> sourceDirs, String classPath) {
        Set<Path> dirs = new LinkedHashSet<>(sourceDirs);
        List<Path> jars = new ArrayList<>();
        if (classPath != null) {
            for (String e : classPath.split(File.pathSeparator, -1)) {
                if (e.isBlank() || e.endsWith("*")) {
                    continue;
                }
                Path p = Path.of(e).toAbsolutePath().normalize();
                String name = p.getFileName() == null ? "" : p.getFileName().toString();
                if (name.endsWith(".jar")) {
                    Path sources = p.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar");
                    if (Files.isRegularFile(sources)) {
                        jars.add(sources);
                    }
                    // a jar its Maven or Gradle build just made: target/app.jar, build/libs/app.jar
                    projectSources(p.getParent()).ifPresent(dirs::add);
                } else if (Files.isDirectory(p)) {
                    projectSources(p).ifPresent(dirs::add);
                }
            }
        }
        return new SourceFiles(List.copyOf(dirs), jars);
    }

    /**
     * {@code proj/target/classes}, {@code proj/target} (where Maven puts the jar),
     * {@code proj/build/classes/java/main} or {@code proj/build/libs} give {@code proj/src/main/java}.
     */
    private static Optional<Path> projectSources(Path classes) {
        Path project = null;
        if (classes == null) {
            return Optional.empty();
        } else if (classes.endsWith(Path.of("target", "classes"))) {
            project = classes.getParent().getParent();
        } else if (classes.endsWith(Path.of("build", "classes", "java", "main"))) {
            project = classes.getParent().getParent().getParent().getParent();
        } else if (classes.endsWith("target") || classes.endsWith(Path.of("build", "libs"))) {
            project = classes.endsWith("target") ? classes.getParent() : classes.getParent().getParent();
        }
        if (project == null) {
            return Optional.empty();
        }
        Path src = project.resolve("src/main/java");
        return Files.isDirectory(src) ? Optional.of(src) : Optional.empty();
    }

    /** The source folders given or found (not the -sources.jars), in the order they are searched. */
    public List<Path> folders() {
        return dirs;
    }

    /** Whether any place to look was given or found. */
    public boolean isEmpty() {
        return dirs.isEmpty() && jars.isEmpty();
    }

    /**
     * The lines of the source of {@code className} (binary name, dots) compiled from
     * {@code sourceFile} (the class file's SourceFile attribute, e.g. {@code OrderFeed.java}).
     */
    public Optional<List<String>> lines(String className, String sourceFile) {
        if (sourceFile == null || sourceFile.isBlank() || sourceFile.contains("/") || sourceFile.contains("\\")) {
            return Optional.empty();
        }
        int dot = className.lastIndexOf('.');
        String rel = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + sourceFile;
        return cache.computeIfAbsent(rel, r -> find(r, sourceFile));
    }

    /**
     * The file on disk that holds the source of {@code className} compiled from {@code sourceFile},
     * when it is in a source folder (one in a {@code -sources.jar} has no file to open in an IDE).
     */
    public Optional<Path> file(String className, String sourceFile) {
        if (sourceFile == null || sourceFile.isBlank() || sourceFile.contains("/") || sourceFile.contains("\\")) {
            return Optional.empty();
        }
        int dot = className.lastIndexOf('.');
        String rel = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + sourceFile;
        for (Path dir : dirs) {
            for (Path p : new Path[] {dir.resolve(rel), dir.resolve(sourceFile)}) {
                if (Files.isRegularFile(p)) {
                    return Optional.of(p.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> find(String rel, String fileName) {
        for (Path dir : dirs) {
            for (Path p : new Path[] {dir.resolve(rel), dir.resolve(fileName)}) {
                if (Files.isRegularFile(p)) {
                    try {
                        if (Files.size(p) <= MAX_SOURCE_BYTES) {
                            return Optional.of(List.copyOf(Files.readAllLines(p, StandardCharsets.UTF_8)));
                        }
                    } catch (IOException | RuntimeException e) {
                        // unreadable or not UTF-8: look further
                    }
                }
            }
        }
        for (Path jar : jars) {
            try (ZipFile z = new ZipFile(jar.toFile())) {
                ZipEntry e = z.getEntry(rel);
                if (e != null && !e.isDirectory() && e.getSize() <= MAX_SOURCE_BYTES) {
                    try (InputStream in = z.getInputStream(e)) {
                        byte[] bytes = in.readNBytes((int) MAX_SOURCE_BYTES);
                        return Optional.of(List.copyOf(new String(bytes, StandardCharsets.UTF_8).lines().toList()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a damaged sources jar: the advice simply shows no source
            }
        }
        return Optional.empty();
    }
}
