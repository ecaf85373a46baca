package dev.hoist.app.cli;

import dev.hoist.core.SafeText;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.jvm.TargetVitals;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws {@code hoist attach}'s screen: a pure function of what to show ({@link AttachView}), the
 * keyboard's state ({@link Ui}) and the terminal's size, to one styled line per row. The terminal
 * loop diffs these lines onto the screen with JLine's {@code Display}; the plain snapshot printed
 * when stdout is no terminal is the same lines without styles. Every text from the target goes
 * through {@link SafeText}; at 80 columns nothing needed is cut, wider terminals get longer names.
 */
final class AttachScreen {

    /** What covers the main screen: nothing, the help, an advice's detail, or a thread dump. */
    enum Mode { MAIN, HELP, DETAIL, DUMP }

    /** The keyboard's state: what is selected, scrolled, and the last thing said. */
    static final class Ui {
        Mode mode = Mode.MAIN;
        int selected;
        int scroll;
        String status = "";
        List<String> dump = List.of();
    }

    /** The footers, widest first: the first that fits is shown. */
    static final List<String> FOOTERS = List.of(
            "c/w/a/l event  s window  z reset  f frames  p pause  \u2191\u2193 Enter advice  r record  t threads  ? help  q quit",
            "c/w/a/l event s window z reset f frames p pause \u23ce advice r record t dump ? q");
    static final List<String> FOOTERS_ASCII = List.of(
            "c/w/a/l event  s window  z reset  f frames  p pause  Up/Dn Enter advice  r record  t threads  ? help  q quit",
            "c/w/a/l event s window z reset f frames p pause Enter advice r record t dump ?");

    private final boolean color;
    private final boolean unicode;
    private final AttachPages pages;

    AttachScreen(boolean color, boolean unicode, Map<String, Rule> rules) {
        this.color = color;
        this.unicode = unicode;
        this.pages = new AttachPages(rules);
    }

    private AttributedStyle style(int fg) {
        return color ? AttributedStyle.DEFAULT.foreground(fg) : AttributedStyle.DEFAULT;
    }

    private static final AttributedStyle BOLD = AttributedStyle.BOLD;
    private static final AttributedStyle BAR = AttributedStyle.INVERSE;

    /** The screen's rows, exactly {@code height} of them, none wider than {@code width}. */
    List<AttributedString> render(AttachView v, Ui ui, int width, int height) {
        int w = Math.max(20, width);
        int h = Math.max(8, height);
        List<AttributedString> rows = switch (ui.mode) {
            case MAIN -> main(v, ui, w, h);
            case HELP -> page(" hoist attach: keys", AttachPages.help(), ui, w, h);
            case DETAIL -> page(" advice #" + (ui.selected + 1), pages.detail(v, ui.selected, w), ui, w, h);
            case DUMP -> page(" thread dump", ui.dump, ui, w, h);
        };
        List<AttributedString> out = new ArrayList<>(h);
        for (AttributedString r : rows) {
            if (out.size() == h) {
                break;
            }
            out.add(r.columnLength() > w ? r.columnSubSequence(0, w) : r);
        }
        while (out.size() < h) {
            out.add(AttributedString.EMPTY);
        }
        return out;
    }

    private List<AttributedString> main(AttachView v, Ui ui, int w, int h) {
        List<AttributedString> rows = new ArrayList<>();
        TargetVitals.Vitals vit = v.vitals();
        String up = vit == null ? "" : "  up " + human(vit.uptime());
        // the sampler's state before what a narrow terminal may cut off
        String mark = v.samplerState().isEmpty() ? "" : "  [" + v.samplerState().toUpperCase(Locale.ROOT) + "]";
        rows.add(bar(" " + SafeText.clean(v.target()) + mark + "  Java " + SafeText.clean(v.java()) + up, w));
        StringBuilder s = new StringBuilder(" ").append(SafeText.clean(v.sampler())).append("  ").append(clock(v.sampling()));
        s.append(v.samplerState().equals("paused") ? "  paused, samples" : "  samples");
        if (v.samples().isEmpty()) {
            s.append(" 0");
        }
        for (EventKind k : EventKind.PREFERENCE) {
            Long n = v.samples().get(k);
            if (n != null) {
                s.append(' ').append(k.id()).append(' ').append(String.format(Locale.ROOT, "%,d", n));
            }
        }
        rows.add(new AttributedString(s.toString()));
        rows.add(vitals(v, vit));

        // the rest: hot methods, threads, advice, status, footer
        int free = h - rows.size() - 2 - 3;
        int threadRows = Math.max(1, Math.min(vit == null ? 1 : Math.min(8, vit.threads().size()), free / 5));
        int adviceRows = Math.max(1, Math.min(Math.max(1, v.advice().size()), (free - threadRows) / 2));
        int hotRows = Math.max(1, free - threadRows - adviceRows);
        if (v.hot().size() < hotRows) {
            adviceRows += hotRows - Math.max(1, v.hot().size());
            hotRows = Math.max(1, v.hot().size());
        }

        String what = v.ownCode() ? "Hot code (JDK calls charged to the caller)" : "Hot methods (self)";
        rows.add(heading(String.format(Locale.ROOT, "%s  %s, %s", what, v.kind().id(), v.window()),
                String.format(Locale.ROOT, "%6s", "total"), w));
        if (v.hot().isEmpty()) {
            rows.add(new AttributedString("  (no " + v.kind().id() + " samples in this window yet)"));
        }
        int barWidth = w >= 100 ? 20 : 10;
        for (int i = 0; i < Math.min(hotRows, v.hot().size()); i++) {
            AttachView.HotRow r = v.hot().get(i);
            if (r.share() < 0.0005 && i > 0) {
                break; // what rounds to 0.0% says nothing
            }
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append(String.format(Locale.ROOT, "%6s ", pct(r.share())));
            b.styled(style(AttributedStyle.GREEN), meter(r.share(), barWidth));
            b.append(' ');
            String advised = r.advised().isEmpty() ? "" : " advice #" + join(r.advised());
            String loop = r.loop().isEmpty() ? "" : "  " + r.loop();
            int room = w - b.columnLength() - advised.length() - loop.length() - 8;
            String line = r.line() > 0 ? ":" + r.line() : "";
            String name = SafeText.clean(name(r.method(), room - line.length())) + line;
            b.append(fit(name, room));
            b.styled(style(AttributedStyle.CYAN), fit(loop, w - b.columnLength() - 8));
            b.styled(style(AttributedStyle.YELLOW).bold(), fit(advised, w - b.columnLength() - 8));
            pad(b, w - 7);
            b.append(String.format(Locale.ROOT, "%7s", pct(r.total())));
            rows.add(b.toAttributedString());
        }

        rows.add(heading("Busiest threads" + (vit == null ? "" : " (" + vit.threads().size() + ")"), "cpu  state", w));
        if (vit == null || vit.threads().isEmpty()) {
            rows.add(new AttributedString("  (reading the target's threads…)"));
        } else {
            for (TargetVitals.ThreadVitals t : vit.threads().subList(0, Math.min(threadRows, vit.threads().size()))) {
                String cpu = Double.isNaN(t.cpuCores()) ? "  -" : pct(t.cpuCores());
                AttributedStringBuilder b = new AttributedStringBuilder();
                b.append(String.format(Locale.ROOT, "%6s ", cpu));
                b.styled(style(AttributedStyle.CYAN), meter(Double.isNaN(t.cpuCores()) ? 0 : t.cpuCores(), barWidth));
                b.append(' ').append(fit(SafeText.clean(t.name()), w - b.columnLength() - 16));
                pad(b, w - 15);
                b.append(String.format(Locale.ROOT, "%15s", t.state()));
                rows.add(b.toAttributedString());
            }
        }

        String state = v.adviceState().isEmpty() ? "" : "  " + v.adviceState();
        rows.add(heading("Advice (" + v.advice().size() + ")" + state, "saves", w));
        if (v.advice().isEmpty()) {
            rows.add(new AttributedString(v.adviceState().isEmpty() ? "  none: no rule matched a sampled loop of the hot methods" : ""));
        }
        int sel = Math.min(ui.selected, Math.max(0, v.advice().size() - 1));
        int first = Math.max(0, Math.min(sel - adviceRows + 1, v.advice().size() - adviceRows));
        first = Math.max(0, Math.min(first, sel));
        for (int i = first; i < Math.min(v.advice().size(), first + adviceRows); i++) {
            Advice a = v.advice().get(i);
            Finding f = a.finding();
            AttributedStringBuilder b = new AttributedStringBuilder();
            boolean on = i == sel;
            b.append(on ? ">" : " ");
            b.styled(BOLD, String.format(Locale.ROOT, "#%-2d ", a.rank()));
            b.styled(style(AttributedStyle.YELLOW), String.format(Locale.ROOT, "%6s ", pct(a.rankingShare())));
            String where = SafeText.clean(simple(f.className()) + "." + f.method()) + ":" + f.line();
            String text = SafeText.clean(f.rule()) + "  " + where + (a.jitRemoves() ? "  (JIT removes most)" : "");
            b.append(fit(text, w - b.columnLength()));
            AttributedString row = b.toAttributedString();
            rows.add(on ? row.styleMatches(java.util.regex.Pattern.compile(".+"), AttributedStyle.INVERSE) : row);
        }
        if (!v.advice().isEmpty() && rows.size() < h - 4) {
            // room left: the selected advice's first lines, Enter shows all of it
            rows.add(AttributedString.EMPTY);
            List<String> preview = pages.detail(v, sel, w);
            for (String l : preview.subList(2, Math.min(preview.size(), 2 + h - 2 - rows.size()))) {
                if (rows.size() >= h - 2) {
                    break;
                }
                rows.add(styledLine(" " + l, w));
            }
            if (rows.get(rows.size() - 1).toString().endsWith(":")) {
                rows.remove(rows.size() - 1); // a heading cut from what it heads
            }
        }
        while (rows.size() < h - 2) {
            rows.add(AttributedString.EMPTY);
        }
        rows.add(new AttributedString(fit(" " + SafeText.clean(ui.status), w)));
        rows.add(bar(" " + footer(w), w));
        return rows;
    }

    private String footer(int w) {
        List<String> all = unicode ? FOOTERS : FOOTERS_ASCII;
        for (String f : all) {
            if (f.length() + 2 <= w) {
                return f;
            }
        }
        return "? help  q quit";
    }

    private AttributedString vitals(AttachView v, TargetVitals.Vitals vit) {
        AttributedStringBuilder b = new AttributedStringBuilder().append(" ");
        if (vit == null) {
            b.append("vital signs: reading…");
        } else {
            b.append("cpu ").append(Double.isNaN(vit.cpuCores()) ? "-" : String.format(Locale.ROOT, "%.2f", vit.cpuCores()))
                    .append('/').append(Integer.toString(vit.processors())).append(" cores");
            b.append("  heap ").append(mb(vit.heapUsed())).append('/').append(mb(vit.heapCommitted()));
            b.append("  GC ").append(Double.isNaN(vit.gcShare()) ? "-" : pct(vit.gcShare()));
        }
        if (v.allocRate() >= 0) {
            b.append("  alloc ").append(mb(v.allocRate())).append("/s");
        }
        return b.toAttributedString();
    }

    private List<AttributedString> page(String title, List<String> text, Ui ui, int w, int h) {
        List<AttributedString> rows = new ArrayList<>();
        rows.add(bar(title, w));
        int room = h - 2;
        int max = Math.max(0, text.size() - room);
        ui.scroll = Math.max(0, Math.min(ui.scroll, max));
        for (int i = ui.scroll; i < Math.min(text.size(), ui.scroll + room); i++) {
            rows.add(styledLine(text.get(i), w));
        }
        while (rows.size() < h - 1) {
            rows.add(AttributedString.EMPTY);
        }
        String more = text.size() > room ? String.format(Locale.ROOT, "  lines %d-%d of %d", ui.scroll + 1,
                Math.min(text.size(), ui.scroll + room), text.size()) : "";
        rows.add(bar((unicode ? " \u2191\u2193 PgUp PgDn scroll" : " Up/Dn PgUp PgDn scroll") + "  Esc back  q quit" + more, w));
        return rows;
    }

    /** A line of a page; lines starting with "before:"/"after:" and headings get their colour. */
    private AttributedString styledLine(String line, int w) {
        String s = fit(line, w);
        if (line.startsWith("before:")) {
            return new AttributedString(s, style(AttributedStyle.RED).bold());
        }
        if (line.startsWith("after:")) {
            return new AttributedString(s, style(AttributedStyle.GREEN).bold());
        }
        if (!line.isEmpty() && !line.startsWith(" ") && line.endsWith(":")) {
            return new AttributedString(s, BOLD);
        }
        return new AttributedString(s);
    }

    private AttributedString heading(String left, String right, int w) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(BOLD, fit(left, w - right.length() - 1));
        pad(b, w - right.length());
        b.styled(BOLD, right);
        return b.toAttributedString();
    }

    private static AttributedString bar(String text, int w) {
        String s = fit(text, w);
        return new AttributedString(s + " ".repeat(Math.max(0, w - s.length())), BAR);
    }

    private String meter(double share, int width) {
        double cells = Math.max(0, Math.min(1, share)) * width;
        int full = (int) cells;
        StringBuilder b = new StringBuilder();
        if (unicode) {
            b.append("\u2588".repeat(full));
            int eighths = (int) Math.round((cells - full) * 8);
            if (full < width && eighths > 0) {
                // one eighth up to seven eighths of a cell: U+258F down to U+2589
                b.append(eighths >= 8 ? '\u2588' : "\u258f\u258e\u258d\u258c\u258b\u258a\u2589".charAt(eighths - 1));
            }
        } else {
            b.append("#".repeat(full));
        }
        return b + " ".repeat(Math.max(0, width - b.length()));
    }

    private static void pad(AttributedStringBuilder b, int column) {
        while (b.columnLength() < column) {
            b.append(' ');
        }
    }

    /** {@code s} cut to {@code room} columns, with an ellipsis when cut. */
    static String fit(String s, int room) {
        if (room <= 1) {
            return "";
        }
        return s.length() <= room ? s : s.substring(0, room - 1) + "~";
    }

    /**
     * The method by its class's simple name, with its parameters when they fit: a terminal is read
     * by class and method, and the same form on every row keeps the column readable.
     */
    static String name(dev.hoist.core.profile.MethodRef m, int room) {
        String full = m.shortSignature(Integer.MAX_VALUE);
        if (!m.className().contains(".") || m.className().endsWith(".so")) {
            return full; // a native library's frame, or a class without a package: nothing to shorten
        }
        String simple = full.substring(m.className().lastIndexOf('.') + 1);
        int paren = simple.indexOf('(');
        return simple.length() <= room || paren < 0 ? simple : simple.substring(0, paren) + "(..)";
    }

    private static String join(List<Integer> ranks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ranks.size() && i < 3; i++) {
            b.append(i > 0 ? "," : "").append(ranks.get(i));
        }
        return ranks.size() > 3 ? b + ",…" : b.toString();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String mb(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1fG", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%dM", Math.round(bytes / (double) (1L << 20)));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
        }
        if (s < 86_400) {
            return s / 3600 + "h" + String.format(Locale.ROOT, "%02dm", s / 60 % 60);
        }
        return s / 86_400 + "d" + String.format(Locale.ROOT, "%02dh", s / 3600 % 24);
    }
}
