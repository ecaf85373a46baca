package dev.hoist.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a rule's fix into the user's own code once the source of the loop is found: the before
 * code is the loop's real header and the flagged line; the after code is that line with the
 * rule's rewrite applied ({@link Fix#expression()}), or, when the rule has only a template, the
 * template under the loop's real header instead of {@code for (...)}. The source is only read.
 *
 * <p>An expression may hold holes {@code $1}..{@code $9}: each matches one piece of the source
 * line that is balanced in brackets and quotes (an argument, whatever the user wrote there: a
 * constant's name where the bytecode has its value, other spacing), and the replacement puts the
 * same text where it names the hole.
 */
final class SourceFix {
    /** A loop header that fits one line and opens the body: <code>for (...) {</code> or <code>while (...) {</code>. */
    private static final Pattern HEADER = Pattern.compile("(for|while)\\s*\\(.*\\)\\s*\\{");
    static final String TEMPLATE_HEADER = "for (...) {";
    /** A template line that stands for the flagged statement with E in place of the expression. */
    private static final Pattern STATEMENT = Pattern.compile("(\\s*)\\.\\.\\. (.+) \\.\\.\\.");
    private static final Pattern HOLE = Pattern.compile("\\$([1-9])");

    private SourceFix() {
    }

    /**
     * @param lines the source file's lines
     * @param firstLoopLine the loop's first line from the line table (the header for for and while loops)
     * @param lastLoopLine its last line with code (at times the closing brace), or -1
     * @param line the flagged line, in the loop or before it (where a collection is made)
     */
    static Fix of(Fix template, List<String> lines, int firstLoopLine, int lastLoopLine, int line) {
        if (line <= 0 || line > lines.size()) {
            return template;
        }
        String at = lines.get(line - 1).strip();
        String rewritten = null;
        String after = template.after();
        if (template.expression() != null && !template.expression().isEmpty()) {
            if (template.replacement() != null) {
                rewritten = rewrite(at, template.expression(), template.replacement());
            } else {
                after = fill(after, at, template.expression());
            }
        }
        int headerLine = headerLine(lines, firstLoopLine);
        if (headerLine < 0) {
            // no one-line header to show: the flagged line alone, and the rewrite or the template
            return new Fix(at, rewritten != null ? rewritten : after, template.expression(), template.replacement());
        }
        String header = lines.get(headerLine - 1).strip();
        if (line < headerLine) {
            // made before the loop (a collection it fills): that line, then the loop
            String loop = "\n" + header + "\n    ...\n}";
            return new Fix(at + loop, rewritten != null ? rewritten + loop : after.replace(TEMPLATE_HEADER, header),
                    template.expression(), template.replacement());
        }
        boolean more = false;
        for (int l = line + 1; l <= Math.min(lastLoopLine, lines.size()); l++) {
            String t = lines.get(l - 1).strip();
            more |= !t.isEmpty() && !t.equals("}");
        }
        String before = block(header, headerLine, at, line, more);
        String inHeader = line == headerLine && rewritten == null && template.expression() != null && !template.expression().isEmpty()
                ? intoHeader(template.after(), at, template.expression()) : null;
        after = rewritten != null ? block(header, headerLine, rewritten, line, more)
                : inHeader != null ? inHeader : after.replace(TEMPLATE_HEADER, header);
        return new Fix(before, after, template.expression(), template.replacement());
    }

    /**
     * The template when the flagged statement is the loop's header itself ({@code i < list.size()}):
     * the header, with the expression replaced, takes the template header's place, and the body stays
     * elided; filling the statement lines as well would write the header twice. Null when the header
     * does not hold the expression.
     */
    private static String intoHeader(String after, String header, String expression) {
        String replacement = null;
        for (String l : after.split("\n", -1)) {
            Matcher m = STATEMENT.matcher(l);
            if (m.matches()) {
                replacement = m.group(2);
                break;
            }
        }
        String rewrittenHeader = replacement == null ? null : rewrite(header, expression, replacement);
        if (rewrittenHeader == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String l : after.split("\n", -1)) {
            Matcher m = STATEMENT.matcher(l);
            b.append(l.equals(TEMPLATE_HEADER) ? rewrittenHeader : m.matches() ? m.group(1) + "..." : l).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /** Each template line {@code ... E ...} becomes the flagged statement with E in place of the expression, when it is found there. */
    private static String fill(String after, String at, String expression) {
        StringBuilder b = new StringBuilder();
        for (String l : after.split("\n", -1)) {
            Matcher m = STATEMENT.matcher(l);
            String filled = m.matches() ? rewrite(at, expression, m.group(2)) : null;
            b.append(filled != null ? m.group(1) + filled : l).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /**
     * {@code text} with the first match of {@code expression} replaced by {@code replacement}, holes
     * carried over; null when the expression is not in the text.
     */
    static String rewrite(String text, String expression, String replacement) {
        String r = rewriteAs(text, expression, replacement);
        if (r == null && expression.startsWith("this.")) {
            // the bytecode always names the receiver; the source may leave this. out
            r = rewriteAs(text, expression.substring("this.".length()), replacement);
        }
        return r;
    }

    private static String rewriteAs(String text, String expression, String replacement) {
        List<String> literals = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        Matcher h = HOLE.matcher(expression);
        int last = 0;
        while (h.find()) {
            literals.add(expression.substring(last, h.start()));
            holes.add(Integer.parseInt(h.group(1)));
            last = h.end();
        }
        literals.add(expression.substring(last));
        for (int start = 0; start < text.length(); start++) {
            if (start > 0 && !literals.get(0).isEmpty() && Character.isJavaIdentifierPart(literals.get(0).charAt(0))
                    && (Character.isJavaIdentifierPart(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
                continue; // gains is not the end of again.gains or regains
            }
            int end = literal(text, start, literals.get(0));
            if (end < 0) {
                continue;
            }
            String[] captured = new String[10];
            boolean ok = true;
            for (int k = 0; k < holes.size() && ok; k++) {
                int from = end;
                int[] next = balancedUpTo(text, from, literals.get(k + 1));
                if (next == null) {
                    ok = false;
                } else {
                    captured[holes.get(k)] = text.substring(from, next[0]).strip();
                    end = next[1];
                }
            }
            if (ok) {
                Matcher r = HOLE.matcher(replacement);
                StringBuilder out = new StringBuilder();
                while (r.find()) {
                    String c = captured[Integer.parseInt(r.group(1))];
                    r.appendReplacement(out, Matcher.quoteReplacement(c == null ? r.group() : c));
                }
                r.appendTail(out);
                return text.substring(0, start) + out + text.substring(end);
            }
        }
        return null;
    }

    /** Where {@code lit} ends when it starts at {@code i} of {@code text}, spaces not counted; -1 when it does not. */
    private static int literal(String text, int i, String lit) {
        int j = 0;
        while (j < lit.length()) {
            char c = lit.charAt(j);
            if (Character.isWhitespace(c)) {
                j++;
                continue;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(c)) {
                // spaces in the source where the literal has none (a call's "( x )"), only after its first character
                if (j == 0) {
                    return -1;
                }
                i++;
            }
            if (i >= text.length() || text.charAt(i) != c) {
                return -1;
            }
            i++;
            j++;
        }
        return i;
    }

    /**
     * The first position from {@code from} where {@code lit} starts at bracket depth 0 outside
     * quotes: {start, end of lit}; null when there is none (or a bracket closes first).
     */
    private static int[] balancedUpTo(String text, int from, String lit) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (depth == 0) {
                int end = literal(text, i, lit);
                if (end >= 0) {
                    return new int[] {i, end};
                }
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    if (--depth < 0) {
                        return null;
                    }
                }
                default -> { }
            }
        }
        return null;
    }

    /** The loop's header line: its first line, or the one before it (a header javac gave no code of its own). */
    private static int headerLine(List<String> lines, int firstLoopLine) {
        for (int l = firstLoopLine; l >= Math.max(1, firstLoopLine - 1); l--) {
            if (l <= lines.size() && HEADER.matcher(lines.get(l - 1).strip()).matches()) {
                return l;
            }
        }
        return -1;
    }

    /** The header, the flagged line (with "..." for lines left out before it and, when {@code more}, after it) and the closing brace. */
    private static String block(String header, int headerLine, String text, int line, boolean more) {
        if (line == headerLine) {
            return text + "\n    ...\n}";
        }
        StringBuilder b = new StringBuilder(header);
        if (line > headerLine + 1) {
            b.append("\n    ...");
        }
        b.append("\n    ").append(text);
        if (more) {
            b.append("\n    ...");
        }
        return b.append("\n}").toString();
    }
}
