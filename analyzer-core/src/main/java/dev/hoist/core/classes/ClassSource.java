package dev.hoist.core.classes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

/**
 * A place classes are read from without loading them: a jar or zip (multi-release entries
 * resolved, jars inside it such as {@code BOOT-INF/lib/*.jar} opened from memory), a directory of
 * class files, a single class file, or the running JDK's own classes through {@code jrt:}.
 * {@link #read} streams every readable class to a consumer and reports every unreadable thing to
 * a {@link ProblemSink}, then carries on; only a missing path is an error. A source can re-read a
 * class it streamed earlier, so an index need not keep every class's bytes.
 */
public interface ClassSource extends AutoCloseable {

    /** What the user gave, for messages: the path, or {@code jrt:/java.base}. */
    String name();

    /** Streams every class this source can read; problems go to {@code problems}, never out as exceptions. */
    void read(ProblemSink problems, Consumer<ClassFile> action);

    /**
     * Whether {@link #reread} can give back the bytes of a class this source streamed, cheaply
     * (without re-reading the whole source). When false an index must keep the bytes itself.
     */
    default boolean canReread(ClassFile file) {
        return false;
    }

    /** The bytes at {@code origin} (a {@link ClassFile#origin()} this source produced), read again. */
    default Optional<byte[]> reread(String origin) {
        return Optional.empty();
    }

    /** Releases files kept open for re-reading; a later read or re-read opens them again. */
    @Override
    default void close() {
    }

    /** Everything {@link #read} streams, in a list; for small inputs and tests. */
    default List<ClassFile> readAll(ProblemSink problems) {
        List<ClassFile> all = new ArrayList<>();
        read(problems, all::add);
        return all;
    }

    /** {@link #open(Path, ReadOptions)} with {@link ReadOptions#defaults()}. */
    static ClassSource open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    /**
     * Opens a directory, a single class file or a jar/zip, told apart by content rather than by
     * name (a class file starts with 0xCAFEBABE; anything else that is a file is read as a zip,
     * and if it is not one, that is reported as a broken jar).
     *
     * @throws HoistException {@link Failure#BAD_INPUT} if the path does not exist or cannot be read
     */
    static ClassSource open(Path path, ReadOptions options) {
        if (!Files.exists(path)) {
            throw new HoistException(Failure.BAD_INPUT, "No such file or directory: " + path
                    + " (give a jar, a directory of classes or a .class file)");
        }
        if (!Files.isReadable(path)) {
            throw new HoistException(Failure.BAD_INPUT, "Cannot read " + path + ": permission denied");
        }
        if (Files.isDirectory(path)) {
            return new DirectorySource(path, options);
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "Cannot read " + path + ": " + ClassBytes.describe(e), e);
        }
        boolean classMagic = n == 4 && (head[0] & 0xff) == 0xCA && (head[1] & 0xff) == 0xFE
                && (head[2] & 0xff) == 0xBA && (head[3] & 0xff) == 0xBE;
        if (classMagic || path.getFileName().toString().endsWith(".class")) {
            return new SingleClassSource(path, options);
        }
        return new JarSource(path, options);
    }

    /** The running JDK's classes, all modules. */
    static ClassSource jdk() {
        return new JrtSource(Set.of());
    }

    /**
     * The running JDK's classes in the given modules (for example {@code java.base}).
     *
     * @throws HoistException {@link Failure#BAD_INPUT} if a module is not in the running JDK
     */
    static ClassSource jdk(Set<String> modules) {
        return new JrtSource(modules);
    }
}
