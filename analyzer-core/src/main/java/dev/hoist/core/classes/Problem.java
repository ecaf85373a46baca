package dev.hoist.core.classes;

import java.util.Objects;

/**
 * Something in the input that could not be read, reported and skipped so the analysis goes on:
 * the file (a jar, a directory entry, a class file), the entry inside it when there is one (for a
 * nested jar the path through it, {@code BOOT-INF/lib/x.jar!/a/B.class}), and what went wrong.
 * {@link #toString()} is the one line the user sees: {@code <file>[!<entry>]: <what>}.
 */
public record Problem(String file, String entry, String what) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(what, "what");
    }

    /** A problem located by a {@link ClassFile#origin()}: the part before the first {@code !/} is the file. */
    public static Problem at(String origin, String what) {
        int bang = origin.indexOf("!/");
        return bang < 0
                ? new Problem(origin, null, what)
                : new Problem(origin.substring(0, bang), origin.substring(bang + 2), what);
    }

    @Override
    public String toString() {
        return entry == null ? file + ": " + what : file + "!" + entry + ": " + what;
    }
}
