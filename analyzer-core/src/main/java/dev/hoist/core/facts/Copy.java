package dev.hoist.core.facts;

/**
 * A call that copies data: {@code Arrays.copyOf(Range)}, {@code String.substring},
 * {@code toCharArray}, {@code getBytes}, {@code new String(bytes or chars)}, {@code toByteArray}.
 * {@code growth} is true for the amortised grow pattern, where the copy replaces the variable it
 * was copied from ({@code buf = Arrays.copyOf(buf, buf.length * 2)}).
 */
public record Copy(int insn, int line, String what, String sourceText, boolean growth, Uses uses, Loop loop) {
}
