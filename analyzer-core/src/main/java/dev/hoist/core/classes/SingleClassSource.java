package dev.hoist.core.classes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** One {@code .class} file given on its own. */
final class SingleClassSource implements ClassSource {
    private final Path path;
    private final ReadOptions options;

    SingleClassSource(Path path, ReadOptions options) {
        this.path = path;
        this.options = options;
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public void read(ProblemSink problems, Consumer<ClassFile> action) {
        ClassFile file = readClassFile(path, options, problems);
        if (file != null) {
            action.accept(file);
        }
    }

    /** Reads and checks one class file on disk; reports and returns null if it cannot be used. */
    static ClassFile readClassFile(Path file, ReadOptions options, ProblemSink problems) {
        String origin = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = ClassBytes.readBounded(in, Files.size(file), options.maxClassBytes(), "class file");
        } catch (ClassBytes.TooBigException e) {
            problems.report(new Problem(origin, null, e.getMessage()));
            return null;
        } catch (IOException e) {
            problems.report(new Problem(origin, null, "cannot read: " + ClassBytes.describe(e)));
            return null;
        }
        try {
            String name = ClassBytes.check(bytes);
            return name == null ? null : new ClassFile(name, origin, bytes);
        } catch (ClassBytes.BadClassException e) {
            problems.report(new Problem(origin, null, e.getMessage()));
            return null;
        }
    }

    @Override
    public boolean canReread(ClassFile file) {
        return true;
    }

    @Override
    public Optional<byte[]> reread(String origin) {
        try {
            return Optional.of(Files.readAllBytes(Path.of(origin)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
