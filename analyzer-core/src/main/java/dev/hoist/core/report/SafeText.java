package dev.hoist.core.report;

/**
 * Text from a target or an analysed file (class, method, file, thread and jar names), made safe to
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

    /** Whether the character starts or is part of a terminal control sequence, or reorders text. */
    public static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
