package dev.hoist.workloads.pairs.uninlinable;

import dev.hoist.workloads.Runner;

/**
 * Counts the tokens of source text, as an editor's syntax highlighter does on every keystroke.
 * The fixed twin of {@link Tokenizer}. Fix: the loop moves into the method that classifies
 * characters, so the per-character work is no longer behind a call the JIT refuses to inline.
 */
public final class TokenizerFixed {

    static final int WHITESPACE = 0;
    static final int LETTER = 1;
    static final int DIGIT = 2;
    static final int OPERATOR = 3;
    static final int PUNCT = 4;
    static final int QUOTE = 5;
    static final int OTHER = 6;

    private static final byte[] ASCII_CLASSES = asciiClasses();

    private TokenizerFixed() {
    }

    /** The number of tokens in {@code text}: runs of one character class, operators one by one. */
    public static int countTokens(char[] text) {
        byte[] asciiClasses = ASCII_CLASSES;
        int tokens = 0;
        int previous = WHITESPACE;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            // Typographic characters pasted from documents and non-Latin text: rare, but a lexer
            // must classify them.
            int cls = c < 128 ? asciiClasses[c] : switch (c) {
                case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200b', '\u2028', '\u2029', '\u3000' -> WHITESPACE;
                case '\u2018', '\u2019', '\u201a', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2039',
                     '\u203a' -> QUOTE;
                case '\u00d7', '\u00f7', '\u2212', '\u2260', '\u2264', '\u2265', '\u00b1', '\u2192', '\u2190',
                     '\u2227', '\u2228', '\u00ac' -> OPERATOR;
                case '\u2013', '\u2014', '\u2026', '\u00b7', '\u2022', '\u00a7', '\u00b6' -> PUNCT;
                default -> switch (Character.getType(c)) {
                    case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                         Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER,
                         Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK -> LETTER;
                    case Character.DECIMAL_DIGIT_NUMBER, Character.OTHER_NUMBER -> DIGIT;
                    case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> WHITESPACE;
                    case Character.MATH_SYMBOL, Character.DASH_PUNCTUATION -> OPERATOR;
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION,
                         Character.OTHER_PUNCTUATION -> PUNCT;
                    case Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> QUOTE;
                    default -> OTHER;
                };
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

    private static byte[] asciiClasses() {
        byte[] classes = new byte[128];
        for (int c = 0; c < 128; c++) {
            classes[c] = (byte) (Character.isWhitespace(c) ? WHITESPACE
                    : Character.isLetter(c) || c == '_' || c == '$' ? LETTER
                    : Character.isDigit(c) ? DIGIT
                    : "+-*/%=<>!&|^~?:".indexOf(c) >= 0 ? OPERATOR
                    : "(){}[];,.@".indexOf(c) >= 0 ? PUNCT
                    : "\"'`".indexOf(c) >= 0 ? QUOTE
                    : OTHER);
        }
        return classes;
    }

    public static void main(String[] args) {
        char[] text = SourceText.generate(42, 1 << 20);
        Runner.runPasses(args, "TokenizerFixed", () -> countTokens(text));
    }
}
