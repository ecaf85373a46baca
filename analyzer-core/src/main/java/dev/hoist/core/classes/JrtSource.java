package dev.hoist.core.classes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

/**
 * The running JDK's own classes, read from the {@code jrt:} file system (the JDK's module image)
 * as bytes, never through a class loader. Also finds single JDK classes by name, so an index of an
 * application can answer for {@code java/util/ArrayList} without reading the whole JDK.
 */
final class JrtSource implements ClassSource {
    private static final ConcurrentHashMap<String, List<String>> MODULES_BY_PACKAGE = new ConcurrentHashMap<>();

    private final Set<String> modules;

    JrtSource(Set<String> modules) {
        this.modules = new TreeSet<>(modules);
        for (String m : this.modules) {
            if (!Files.isDirectory(jrt().getPath("/modules", m))) {
                throw new HoistException(Failure.BAD_INPUT, "No module " + m + " in the running JDK ("
                        + System.getProperty("java.home") + "); list them with: java --list-modules");
            }
        }
    }

    static FileSystem jrt() {
        return FileSystems.getFileSystem(URI.create("jrt:/"));
    }

    @Override
    public String name() {
        return modules.isEmpty() ? "jrt:/" : "jrt:/" + String.join(",", modules);
    }

    @Override
    public void read(ProblemSink problems, Consumer<ClassFile> action) {
        Path root = jrt().getPath("/modules");
        List<String> names = new ArrayList<>(modules);
        if (names.isEmpty()) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
                for (Path d : dirs) {
                    names.add(d.getFileName().toString());
                }
            } catch (IOException e) {
                problems.report(new Problem("jrt:/", null, "cannot list the JDK's modules: " + ClassBytes.describe(e)));
            }
            names.sort(null);
        }
        for (String module : names) {
            Path dir = root.resolve(module);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            } catch (IOException | RuntimeException e) {
                problems.report(new Problem("jrt:/" + module, null, "cannot list: " + ClassBytes.describe(e)));
                continue;
            }
            for (Path file : files) {
                String origin = "jrt:/" + module + "/" + dir.relativize(file);
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    String name = ClassBytes.check(bytes);
                    if (name != null) {
                        action.accept(new ClassFile(name, origin, bytes));
                    }
                } catch (IOException e) {
                    problems.report(new Problem(origin, null, "cannot read: " + ClassBytes.describe(e)));
                } catch (ClassBytes.BadClassException e) {
                    problems.report(new Problem(origin, null, e.getMessage()));
                }
            }
        }
    }

    @Override
    public boolean canReread(ClassFile file) {
        return true;
    }

    @Override
    public Optional<byte[]> reread(String origin) {
        if (!origin.startsWith("jrt:/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(jrt().getPath("/modules", origin.substring(5))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Finds one JDK class by internal name through the image's package table, without listing
     * any module. Returns empty if no module of the running JDK has it (or it is unreadable).
     */
    static Optional<ClassFile> find(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
        if (pkg.isEmpty()) {
            return Optional.empty();
        }
        FileSystem fs = jrt();
        List<String> mods = MODULES_BY_PACKAGE.computeIfAbsent(pkg, p -> {
            List<String> found = new ArrayList<>();
            Path dir = fs.getPath("/packages", p);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    ds.forEach(m -> found.add(m.getFileName().toString()));
                } catch (IOException e) {
                    // an unreadable package entry just means "not found"; the caller reports -1/empty
                }
            }
            return found;
        });
        for (String m : mods) {
            Path file = fs.getPath("/modules", m, internalName + ".class");
            try {
                byte[] bytes = Files.readAllBytes(file);
                String name = ClassBytes.check(bytes);
                if (internalName.equals(name)) {
                    return Optional.of(new ClassFile(name, "jrt:/" + m + "/" + internalName + ".class", bytes));
                }
            } catch (IOException | ClassBytes.BadClassException e) {
                // absent from this module (or unreadable): try the next module exporting the package
            }
        }
        return Optional.empty();
    }
}
