package dev.hoist.core.profile;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a recording into a {@link Profile}, choosing the reader from the file's content:
 * <ul>
 * <li>JFR written by async-profiler (it declares {@code profiler.*} event types): read with
 * jfr-converter's {@code one.jfr.JfrReader}, a fast reader over the raw chunk format that knows
 * async-profiler's own events (wall clock, frame types C1/C++/Kernel, its settings).</li>
 * <li>JFR written by the JDK's Flight Recorder: read with {@code jdk.jfr.consumer.RecordingFile}.
 * JfrReader folds {@code jdk.NativeMethodSample} into {@code jdk.ExecutionSample} with the same
 * thread state, so it cannot keep on-CPU samples apart from threads sitting in native code; the
 * JDK's own parser knows each event by name, and the JDK samples slowly enough (10-20 ms) that its
 * object-per-event cost does not matter.</li>
 * <li>Anything else that is text: async-profiler's collapsed stacks.</li>
 * </ul>
 * Every failure is a {@link HoistException} of kind {@link Failure#BAD_INPUT} whose message starts
 * with the file name and says what is wrong.
 */
public final class ProfileReader {
    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    private ProfileReader() {
    }

    public static Profile read(Path file) {
        if (!Files.exists(file)) {
            throw bad(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw bad(file, "is a directory, not a recording");
        }
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage());
        }
        if (n == 0) {
            throw bad(file, "empty file (no samples)");
        }
        if (n >= 4 && head[0] == JFR_MAGIC[0] && head[1] == JFR_MAGIC[1] && head[2] == JFR_MAGIC[2] && head[3] == JFR_MAGIC[3]) {
            return JfrProfileReader.read(file);
        }
        if (n < 4 && java.util.Arrays.equals(head, 0, n, JFR_MAGIC, 0, n)) {
            throw bad(file, "truncated JFR recording (shorter than a chunk header)");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                throw bad(file, "neither a JFR recording nor collapsed stacks text (binary content)");
            }
        }
        return CollapsedStacksReader.read(file);
    }

    static HoistException bad(Path file, String what) {
        return new HoistException(Failure.BAD_INPUT, file + ": " + what);
    }

    static HoistException bad(Path file, String what, Throwable cause) {
        return new HoistException(Failure.BAD_INPUT, file + ": " + what, cause);
    }

    /** Turns a JVM class name ({@code java/lang/String}, {@code [Ljava/lang/Object;}, {@code [I}) into source form. */
    /**
     * {@code a/b/C} as {@code a.b.C}. A hidden class (a lambda, a method handle's form) comes as
     * {@code a/b/C$$Lambda$4.0x00007f8ff8006660}: its address made a segment of the name read as the
     * class, and the lambda showed as "0x00007f8ff8006660.apply"; it is named as
     * {@code Class.getName()} names it, {@code a.b.C$$Lambda$4/0x00007f8ff8006660}. A Java identifier
     * cannot start with a digit, so no other name has such a segment.
     */
    static String dotted(String internal) {
        int cut = Math.max(internal.lastIndexOf(".0x"), internal.lastIndexOf("/0x"));
        if (cut > 0 && cut + 3 < internal.length()
                && internal.substring(cut + 3).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return internal.substring(0, cut).replace('/', '.') + "/" + internal.substring(cut + 1);
        }
        return internal.replace('/', '.');
    }

    static String javaName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (name.charAt(0) != '[') {
            return dotted(name);
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String element;
        String rest = name.substring(dims);
        switch (rest.isEmpty() ? ' ' : rest.charAt(0)) {
            case 'Z' -> element = "boolean";
            case 'B' -> element = "byte";
            case 'C' -> element = "char";
            case 'S' -> element = "short";
            case 'I' -> element = "int";
            case 'J' -> element = "long";
            case 'F' -> element = "float";
            case 'D' -> element = "double";
            case 'L' -> element = dotted(rest.substring(1, rest.endsWith(";") ? rest.length() - 1 : rest.length()));
            default -> element = dotted(rest);
        }
        return element + "[]".repeat(dims);
    }
}
