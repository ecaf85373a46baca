package dev.hoist.workloads.pairs.uninlinable;

import dev.hoist.workloads.Runner;

/**
 * Counts the tokens of source text, as an editor's syntax highlighter does on every keystroke.
 * The fixed twin of {@link Tokenizer}. Fix: the loop is moved to where the big switch is, so
 * the switch is no longer behind a call the JIT refuses to inline.
 */
public final class TokenizerFixed {

    static final int WHITESPACE = 0;
    static final int LETTER = 1;
    static final int DIGIT = 2;
    static final int OPERATOR = 3;
    static final int PUNCT = 4;
    static final int QUOTE = 5;
    static final int OTHER = 6;

    /** The number of tokens in {@code text}: runs of one character class, operators one by one. */
    public static int countTokens(char[] text) {
        int tokens = 0;
        int previous = WHITESPACE;
        for (int i = 0; i < text.length; i++) {
            int cls = switch (text[i]) {
                case ' ', '\t', '\n', '\r', '\f'
                        -> WHITESPACE;
                case 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l',
                     'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x',
                     'y', 'z', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J',
                     'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V',
                     'W', 'X', 'Y', 'Z', '_', '$'
                        -> LETTER;
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'
                        -> DIGIT;
                case '+', '-', '*', '/', '%', '=', '<', '>', '!', '&', '|', '^',
                     '~', '?', ':'
                        -> OPERATOR;
                case '(', ')', '{', '}', '[', ']', ';', ',', '.', '@'
                        -> PUNCT;
                case '"', '\'', '`'
                        -> QUOTE;
                default -> OTHER;
            };
            if (previous == LETTER && cls == DIGIT) {
                cls = LETTER;
            }
            if (cls != WHITESPACE && (cls != previous || cls >= OPERATOR)) {
                tokens++;
            }
            previous = cls;
        }
        return tokens;
    }

    public static void main(String[] args) {
        char[] text = SourceText.generate(42, 1 << 20);
        Runner.runPasses(args, "TokenizerFixed", () -> countTokens(text));
    }
}
