package dev.hoist.core.rule;

/**
 * A suggested change as before/after code, written with the method's real local and field names.
 * When a rule can say exactly which expression of the flagged line changes and into what
 * ({@code Integer.parseInt(line.substring(a, b))} into {@code Integer.parseInt(line, a, b, 10)}),
 * {@code expression} and {@code replacement} hold them (else null), and where the source is found
 * the after code is the user's own line with that one expression replaced. With an expression and
 * no replacement, each line {@code ... E ...} of the after code stands for the flagged statement
 * with {@code E} in place of the expression, and is written so where the source is found.
 */
public record Fix(String before, String after, String expression, String replacement) {

    public Fix(String before, String after) {
        this(before, after, null, null);
    }
}
