package dev.hoist.core.classes;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A directory tree of class files, such as {@code target/classes}; files are read in sorted order so runs repeat. */
final class DirectorySource implements ClassSource {
    private final Path root;
    private final ReadOptions options;

    DirectorySource(Path root, ReadOptions options) {
        this.root = root;
        this.options = options;
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public void read(ProblemSink problems, Consumer<ClassFile> action) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".class")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.report(new Problem(file.toString(), null, "cannot read: " + ClassBytes.describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.report(new Problem(root.toString(), null, "cannot list: " + ClassBytes.describe(e)));
        }
        Collections.sort(files);
        for (Path file : files) {
            ClassFile cf = SingleClassSource.readClassFile(file, options, problems);
            if (cf != null) {
                action.accept(cf);
            }
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
