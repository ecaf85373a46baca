package dev.hoist.core.report.html;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.Timeline;
import java.util.Locale;

/** The JSON the report's page script draws from, embedded in the page. */
final class HtmlData {
    private HtmlData() {
    }

    /**
     * The data the page's script draws: the flame graph, and the timeline for tests and tools.
     * Written by hand, not with Jackson: it is names and number arrays, and a cold ObjectMapper
     * costs more than the rest of the report on a one-shot command.
     */
    static String of(Profile profile, EventKind kind, double minFlameShare, Timeline t, boolean allocFlame) {
        StringBuilder j = new StringBuilder(32 * 1024);
        j.append("{\"schema\":\"hoist.html/1\",\"recording\":");
        jsonString(j, profile.info().file() == null ? null : profile.info().file().toString());
        j.append(",\"kind\":");
        jsonString(j, kind == null ? null : kind.id());
        if (kind != null) {
            flameJson(j, "flame", FlameGraph.of(profile, kind, minFlameShare));
            if (allocFlame) {
                flameJson(j, "allocFlame", FlameGraph.of(profile, EventKind.ALLOC, minFlameShare));
            }
            j.append(",\"timeline\":{\"samples\":");
            jsonLongs(j, t.samples());
            j.append(",\"allocBytes\":");
            jsonLongs(j, t.allocBytes());
            j.append('}');
        }
        j.append(",\"threads\":[");
        for (int i = 0; i < profile.threadCount(); i++) {
            if (i > 0) {
                j.append(',');
            }
            jsonString(j, profile.threadName(i));
        }
        j.append("]}");
        return j.toString();
    }

    @SuppressWarnings("EnumOrdinal") // report.js names FrameType by ordinal (typeNames): reorder both or neither
    private static void flameJson(StringBuilder j, String field, FlameGraph tree) {
        j.append(",\"").append(field).append("\":{\"names\":[");
        for (int i = 0; i < tree.names().size(); i++) {
            if (i > 0) {
                j.append(',');
            }
            jsonString(j, tree.names().get(i));
        }
        j.append("],\"depth\":").append(tree.depth()).append(",\"frames\":[");
        boolean first = true;
        for (int r = 0; r < tree.size(); r++) {
            j.append(first ? "[" : ",[").append(tree.level(r)).append(',').append(tree.left(r)).append(',').append(tree.total(r))
                    .append(',').append(tree.self(r)).append(',').append(tree.nameIndex(r)).append(',')
                    .append(r == 0 ? -1 : tree.type(r).ordinal()).append(']');
            first = false;
        }
        j.append("]}");
    }

    private static void jsonLongs(StringBuilder j, long[] values) {
        j.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                j.append(',');
            }
            j.append(values[i]);
        }
        j.append(']');
    }

    /**
     * A JSON string literal (RFC 8259 escapes); {@link Html#scriptJson} then makes it safe in a
     * script element. Control and bidirectional-control characters other than line ends and tabs
     * become the visible text {@code \\uXXXX} (an escaped backslash), so the page shows them as
     * the text report does instead of rendering a name reversed.
     */
    static void jsonString(StringBuilder j, String s) {
        if (s == null) {
            j.append("null");
            return;
        }
        j.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> j.append("\\\"");
                case '\\' -> j.append("\\\\");
                case '\n' -> j.append("\\n");
                case '\r' -> j.append("\\r");
                case '\t' -> j.append("\\t");
                default -> {
                    if (dev.hoist.core.SafeText.unsafe(c)) {
                        j.append(String.format(Locale.ROOT, "\\\\u%04x", (int) c));
                    } else {
                        j.append(c);
                    }
                }
            }
        }
        j.append('"');
    }
}
