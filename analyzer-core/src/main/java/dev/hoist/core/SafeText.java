package dev.hoist.core;

/**
 * Text from a target or an analyzed file (class, method, file, thread and jar names), made safe to
 * print on a terminal: control characters (C0, DEL, C1, which start escape sequences that can set a
 * terminal's title, clear or reset it) and Unicode bidirectional controls (which make a name render
 * reversed) are written as visible {@code \\uXXXX} escapes instead. Everything else passes through.
 */
public final class SafeText {
    private SafeText() {
    }

    /** {@code s} with every control and bidirectional-control character escaped; null stays null. */
    public static String clean(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 12).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    /**
     * As {@link #clean}, but Hoist's own colour codes (SGR sequences {@code ESC[0m}, {@code 1m},
     * {@code 2m}, {@code 31m}, {@code 32m}, {@code 33m}, {@code 36m}) pass: for a line a text report
     * has already styled. Anything else that starts with ESC is escaped.
     */
    public static String cleanKeepingStyles(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int style = c == 0x1b ? styleLength(s, i) : 0;
            if (style > 0) {
                if (b != null) b.append(s, i, i + style);
                i += style - 1;
            } else if (unsafe(c)) {
                if (b == null) b = new StringBuilder(s.length() + 12).append(s, 0, i);
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * A writer that escapes, as {@link #clean} does, every unsafe character written through it
     * except line feeds and tabs: for a text report written whole with names from the target.
     */
    public static java.io.Writer writer(java.io.Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void write(int c) throws java.io.IOException {
                if (c != '\n' && c != '\t' && unsafe((char) c)) out.write(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                else out.write(c);
            }

            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                for (int i = off; i < off + len; i++) write(buf[i]);
            }

            @Override
            public void write(String str, int off, int len) throws java.io.IOException {
                for (int i = off; i < off + len; i++) write(str.charAt(i));
            }

            @Override
            public void close() throws java.io.IOException {
                out.flush();
            }
        };
    }

    private static final String[] STYLES = {"[0m", "[1m", "[2m", "[31m", "[32m", "[33m", "[36m"};

    private static int styleLength(String s, int esc) {
        for (String st : STYLES) {
            if (s.startsWith(st, esc + 1)) return st.length() + 1;
        }
        return 0;
    }

    /** Whether the character starts or is part of a terminal control sequence, or reorders text. */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
