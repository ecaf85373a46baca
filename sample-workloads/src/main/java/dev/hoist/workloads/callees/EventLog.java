package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A log writer that renders events as JSON lines into a {@code StringWriter}, from several small
 * methods (a name, a quoted string, a number, the separators), as a serializer does. Each write
 * goes through {@code StringBuffer}, which takes its lock on every call; no single call holds much
 * of the time, all of them together do. Beside it, each event's fields are gathered in a list of
 * three that never grows past its first array, which sizing would not change.
 */
public final class EventLog {
    private EventLog() {
    }

    record Event(long id, String kind, String source, int level) {
    }

    static void name(StringWriter out, String n) {
        out.write('"');
        out.write(n);
        out.write("\":");
    }

    static void string(StringWriter out, String s) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.write('\\');
            out.write(c);
        }
        out.write('"');
    }

    static void number(StringWriter out, long v) {
        out.write(Long.toString(v));
    }

    static List<String> fields(Event e) {
        String[] parts = {e.kind(), e.source(), Integer.toString(e.level())};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            out.add(parts[i]);
        }
        return out;
    }

    static void write(StringWriter out, Event e) {
        List<String> f = fields(e);
        out.write('{');
        name(out, "id");
        number(out, e.id());
        out.write(',');
        name(out, "kind");
        string(out, f.get(0));
        out.write(',');
        name(out, "source");
        string(out, f.get(1));
        out.write(',');
        name(out, "level");
        out.write(f.get(2));
        out.write("}\n");
    }

    public static void main(String[] args) {
        Event[] events = new Event[1000];
        for (int i = 0; i < events.length; i++) {
            events[i] = new Event(1_000_000L + i, i % 3 == 0 ? "alarm" : "reading", "site-" + i % 40 + "/\"line\" " + i % 9, i % 5);
        }
        Runner.runPasses(args, "EventLog", () -> {
            StringWriter out = new StringWriter(1 << 17);
            for (Event e : events) {
                write(out, e);
            }
            return out.getBuffer().length();
        });
    }
}
