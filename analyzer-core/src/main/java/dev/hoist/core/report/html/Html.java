package dev.hoist.core.report.html;

/**
 * Escaping for the three contexts the HTML report puts target-controlled text in (class, method
 * and thread names, file names, messages, code): HTML text, quoted attribute values, and JSON
 * embedded in a {@code <script>} element. Names come from the profiled program, so a thread called
 * {@code </script><script>alert(1)</script>} must stay text in every one of them.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes for element content and for single- or double-quoted attribute values. Control and
     * Unicode bidirectional-control characters (which make a name render reversed: spoofing) are
     * shown as visible {@code \\uXXXX}, as {@link dev.hoist.core.SafeText} shows them on a
     * terminal; line feeds and tabs stay, for code.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c != '\n' && c != '\t' && dev.hoist.core.SafeText.unsafe(c)) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Makes JSON safe inside a script element: {@code <}, {@code >} and {@code &} become
     * {@code \\u003c}-style escapes so neither {@code </script>} nor {@code <!--} can end or
     * change the element, and U+2028/U+2029 are escaped because older JS engines read them as line
     * ends. All of these can only occur inside JSON string literals, where the escapes mean the
     * same characters, so the data parses back unchanged.
     */
    public static String scriptJson(String json) {
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\'' -> b.append("\\u0027");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
