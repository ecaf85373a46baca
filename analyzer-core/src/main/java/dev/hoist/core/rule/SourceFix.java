package dev.hoist.core.rule;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts a rule's fix into the user's own code once the source of the loop is found: the before
 * code is the loop's real header and the flagged line; the after code is that line with the
 * rule's exact rewrite applied ({@link Fix#expression()}) or, when the rule has only a template,
 * the template under the loop's real header instead of {@code for (...)}. The source is only read.
 */
final class SourceFix {
    /** A loop header that fits one line and opens the body: {@code for (...) {} or {@code while (...) {}. */
    private static final Pattern HEADER = Pattern.compile("(for|while)\\s*\\(.*\\)\\s*\\{");
    static final String TEMPLATE_HEADER = "for (...) {";
    private static final Pattern STATEMENT = Pattern.compile("(\\s*)\\.\\.\\. (.+) \\.\\.\\.");

    private SourceFix() {
    }

    /**
     * @param lines the source file's lines
     * @param firstLoopLine the loop's first line from the line table (the header for for and while loops)
     * @param lastLoopLine its last line with code (at times the closing brace), or -1
     * @param line the flagged line
     */
    static Fix of(Fix template, List<String> lines, int firstLoopLine, int lastLoopLine, int line) {
        if (line <= 0 || line > lines.size()) {
            return template;
        }
        String at = lines.get(line - 1).strip();
        boolean found = template.expression() != null && !template.expression().isEmpty() && at.contains(template.expression());
        String rewritten = found && template.replacement() != null ? at.replace(template.expression(), template.replacement()) : null;
        String filled = found && template.replacement() == null ? fill(template.after(), at, template.expression()) : template.after();
        int headerLine = headerLine(lines, firstLoopLine, line);
        if (headerLine < 0) {
            // no one-line header to show: the flagged line alone, and the rewrite or the template
            return new Fix(at, rewritten != null ? rewritten : filled, template.expression(), template.replacement());
        }
        String header = lines.get(headerLine - 1).strip();
        boolean more = false;
        for (int l = line + 1; l <= Math.min(lastLoopLine, lines.size()); l++) {
            String t = lines.get(l - 1).strip();
            more |= !t.isEmpty() && !t.equals("}");
        }
        String before = block(header, headerLine, at, line, more);
        String after = rewritten != null ? block(header, headerLine, rewritten, line, more)
                : filled.replace(TEMPLATE_HEADER, header);
        return new Fix(before, after, template.expression(), template.replacement());
    }

    /** Each template line {@code ... E ...} becomes the flagged statement {@code at} with E in place of {@code expression}. */
    private static String fill(String after, String at, String expression) {
        StringBuilder b = new StringBuilder();
        for (String l : after.split("\n", -1)) {
            java.util.regex.Matcher m = STATEMENT.matcher(l);
            b.append(m.matches() ? m.group(1) + at.replace(expression, m.group(2)) : l).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    /** The loop's header line: its first line, or the one before it (a header javac gave no code of its own). */
    private static int headerLine(List<String> lines, int firstLoopLine, int line) {
        for (int l = firstLoopLine; l >= Math.max(1, firstLoopLine - 1); l--) {
            if (l <= line && l <= lines.size() && HEADER.matcher(lines.get(l - 1).strip()).matches()) {
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
