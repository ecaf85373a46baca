package dev.hoist.workloads.pairs.uninlinable;

import java.util.SplittableRandom;

/** Deterministic Java-like source text shared by the tokenizer twins and their benchmark. */
public final class SourceText {

    private static final String[] FRAGMENTS = {
        "int ", "count", " = ", "0", ";\n", "for (", "i < n", "; i++) {", "\n    ", "total += ",
        "values[i]", " * 2", "}\n", "if (x1 >= 42 && !done) ", "return ", "\"text\"", "'c'",
        "list.add(item);", "  ", "// note\n", "x -> x + 1", "@Override", "\t", "résumé", "0x1F", "“quoted”", " — ", "naïve", "λ",
    };

    private SourceText() {
    }

    /** {@code length} characters of code-like text. */
    public static char[] generate(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] fragments = FRAGMENTS;
        StringBuilder text = new StringBuilder(length + 32);
        while (text.length() < length) {
            text.append(fragments[random.nextInt(fragments.length)]);
        }
        text.setLength(length);
        return text.toString().toCharArray();
    }
}
