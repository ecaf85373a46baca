package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a report goes: a file given with --out, or the command's standard output (never closed). */
final class Output {
    private Output() {
    }

    static Writer open(Path file, PrintWriter stdout) {
        if (file == null) {
            return new FilterWriter(stdout) {
                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // owner-only: a report names the target's classes, methods and files
            dev.hoist.core.PrivateFiles.create(file);
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
