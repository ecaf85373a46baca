package dev.hoist.app.gui.vm;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The ranked advice and the detail of the selected piece: what the rule found, the share of the
 * recording measured in its loop, the JVM mechanism, the profile evidence, the before/after fix,
 * and the source with the loop's lines marked when the source file is found. For a jar analyzed
 * without a profile the findings are listed by the rule's score and say that nothing was measured.
 * The selection survives a live re-ranking when the same finding is still there.
 */
public final class AdviceViewModel {

    /** One line of source for the detail pane. */
    public record SourceLine(int number, String text, boolean inLoop, boolean flagged) {
    }

    /** Everything the detail pane shows for one piece of advice. */
    public record Detail(Advice advice, String title, String share, String location, String message, String mechanism,
                         List<String> evidence, String before, String after, List<SourceLine> source,
                         String sourceNote, boolean measured, java.nio.file.Path sourceFile) {
    }

    private final ObservableList<Advice> items = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<Advice> shown = new javafx.collections.transformation.FilteredList<>(items, a -> true);
    private final javafx.beans.property.StringProperty filter = new javafx.beans.property.SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Advice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper blind = new ReadOnlyStringWrapper(this, "blind", "");
    private final ReadOnlyBooleanWrapper measured = new ReadOnlyBooleanWrapper(this, "measured", true);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NOT_YET);
    static final String NOT_YET = "No advice yet.\nHoist advises on the loops of the hot methods once there are samples.";
    private final Map<String, Rule> rules = new HashMap<>();
    private SourceFiles sources = SourceFiles.of(List.of());

    public AdviceViewModel(Collection<Rule> rules) {
        for (Rule r : rules) {
            this.rules.put(r.id(), r);
        }
        selected.addListener((o, a, b) -> detail.set(b == null ? null : detailOf(b)));
        filter.addListener((o, a, b) -> {
            String f = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(f.isEmpty() ? x -> true : x -> matches(x, f));
        });
    }

    /** The advice the list shows: all of it, or what matches {@link #filterProperty()}. */
    public ObservableList<Advice> shown() {
        return shown;
    }

    /**
     * Any part of a rule's id or title, or of the class, method or file of the finding: a static
     * analysis lists hundreds of findings, and one rule or one class is what a user looks for.
     */
    public javafx.beans.property.StringProperty filterProperty() {
        return filter;
    }

    private boolean matches(Advice a, String lowerCaseText) {
        Finding f = a.finding();
        for (String s : new String[] {f.rule(), title(f.rule()), f.className(), f.method(), f.file()}) {
            if (s != null && s.toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
                return true;
            }
        }
        return false;
    }

    public ObservableList<Advice> items() {
        return items;
    }

    public ObjectProperty<Advice> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** "5 pieces of advice · 12 hot methods analyzed". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Which hot methods could not be read, one per line; empty when none. */
    public ReadOnlyStringProperty blindProperty() {
        return blind.getReadOnlyProperty();
    }

    /** What the empty list says: not advised yet, no bytecode found, or no rule matched. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** False for static findings (no profile): shares are not shown. */
    public ReadOnlyBooleanProperty measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    /** Where the detail pane looks for source files. */
    /** Where the advice's sources are looked for; the call tree opens its methods' files with it too. */
    public SourceFiles sources() {
        return sources;
    }

    public void setSources(SourceFiles sources) {
        if (sources == this.sources) {
            return;
        }
        this.sources = Objects.requireNonNull(sources);
        Advice a = selected.get();
        detail.set(a == null ? null : detailOf(a));
    }

    /** The title of a rule, or its id when the rule is not loaded. */
    public String title(String ruleId) {
        Rule r = rules.get(ruleId);
        return r == null ? ruleId : r.title();
    }

    /** Shows the advisor's ranked advice (UI thread). */
    public void show(AdviceReport report) {
        measured.set(true);
        replace(report.advice());
        StringBuilder s = new StringBuilder();
        s.append(report.advice().size()).append(report.advice().size() == 1 ? " piece" : " pieces").append(" of advice · ")
                .append(report.methodsAnalysed().size()).append(" hot methods analyzed");
        if (report.hiddenUnsampled() > 0) {
            s.append(" · ").append(report.hiddenUnsampled()).append(" at sites the profile never sampled are hidden");
        }
        summary.set(s.toString());
        blind.set(String.join("\n", report.unavailable()));
        if (report.methodsAnalysed().isEmpty() && !report.unavailable().isEmpty()) {
            emptyText.set("No advice: the bytecode of the hot methods was not found.\nAdd the profiled application's jars "
                    + "or class folders with Class path… above.");
        } else if (report.advice().isEmpty()) {
            emptyText.set("No rule matched a sampled loop of the " + report.methodsAnalysed().size() + " hot methods analyzed."
                    + (report.hiddenUnsampled() > 0 ? "\n" + report.hiddenUnsampled() + " findings sit at sites the profile never sampled (code that did not run hot)." : ""));
        }
    }

    /** Shows static findings (a jar analyzed without a profile), by score (UI thread). */
    public void showStatic(List<Finding> findings, int classes) {
        measured.set(false);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> b.score() != a.score() ? Integer.compare(b.score(), a.score())
                : a.className().compareTo(b.className()) != 0 ? a.className().compareTo(b.className())
                : Integer.compare(a.line(), b.line()));
        List<Advice> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Finding f = sorted.get(i);
            out.add(new Advice(i + 1, f, LoopCost.NONE, f.confidence(), List.of()));
        }
        replace(out);
        emptyText.set("No findings: no rule matched a loop in these " + classes + " classes.");
        summary.set(findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + " in " + classes
                + " classes · static analysis: nothing was measured, so they are ordered by the rule's score");
        blind.set("");
    }

    public void clear() {
        emptyText.set(NOT_YET);
        items.clear();
        selected.set(null);
        summary.set("");
        blind.set("");
    }

    private void replace(List<Advice> next) {
        String keep = selected.get() == null ? null : key(selected.get());
        items.setAll(next);
        Advice again = null;
        if (keep != null) {
            for (Advice a : next) {
                if (key(a).equals(keep)) {
                    again = a;
                    break;
                }
            }
        }
        if (again == null && !next.isEmpty()) {
            again = next.get(0);
        }
        selected.set(again);
    }

    private static String key(Advice a) {
        Finding f = a.finding();
        return f.rule() + '|' + f.className() + '.' + f.method() + f.descriptor() + '|' + f.line();
    }

    /** "8.1% cpu · 22.7% alloc" for measured advice: what its site costs, the most fixing it can save. */
    public static String share(Advice a) {
        var c = a.site();
        if (c.totalSamples() == 0 && c.totalAllocBytes() == 0) {
            return "";
        }
        String s = Fmt.pct(c.timeShare()) + " " + c.kind();
        if (c.totalAllocBytes() > 0) {
            s += " · " + Fmt.pct(c.allocShare()) + " alloc";
        }
        return s;
    }

    public static String location(Finding f) {
        String cls = f.className().substring(f.className().lastIndexOf('.') + 1);
        return cls + "." + f.method() + " (" + (f.file() == null ? "?" : f.file()) + ":" + f.line() + ")";
    }

    Detail detailOf(Advice a) {
        Finding f = a.finding();
        boolean isMeasured = measured.get();
        String share = "";
        if (isMeasured) {
            LoopCost c = a.cost();
            var site = a.site();
            share = Fmt.pct(site.timeShare()) + " of " + c.kind() + " samples were at this site";
            if (c.totalAllocBytes() > 0) {
                share += " and " + Fmt.pct(site.allocShare()) + " of the allocated bytes";
            }
            share += " (what fixing it can save at most); its loop holds " + Fmt.pct(c.inclusiveShare());
            if (a.jitRemoves()) {
                share += "; the profile says the JIT already removes most of it";
            }
        }
        String location = f.className() + "." + f.method() + " (" + (f.file() == null ? "?" : f.file()) + ":" + f.line() + ")"
                + (a.via() != null ? ", called per iteration of the loop at lines " + a.via().firstLine() + "–" + a.via().lastLine()
                        + " of " + a.via().className() + "." + a.via().method()
                        : f.firstLoopLine() > 0 ? ", loop lines " + f.firstLoopLine() + "–" + f.lastLoopLine() : "");
        List<SourceLine> source = List.of();
        String note;
        var lines = sources.lines(f.className(), f.file());
        if (lines.isPresent() && f.line() > 0 && f.line() <= lines.get().size()) {
            List<String> all = lines.get();
            int first = f.firstLoopLine() > 0 ? f.firstLoopLine() : f.line();
            int last = Math.max(f.lastLoopLine(), f.line());
            int from = Math.max(1, Math.min(first, f.line()) - 4);
            int to = Math.min(all.size(), last + 4);
            List<SourceLine> out = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                out.add(new SourceLine(i, all.get(i - 1), i >= first && i <= last, i == f.line()));
            }
            source = out;
            note = f.file();
        } else if (!f.loopSource().isEmpty()) {
            List<SourceLine> out = new ArrayList<>();
            int n = Math.max(1, f.firstLoopLine());
            for (String l : f.loopSource()) {
                out.add(new SourceLine(n, l, true, n == f.line()));
                n++;
            }
            source = out;
            note = f.file();
        } else {
            note = "Source of " + (f.file() == null ? f.className() : f.file()) + " not found: add its source folder "
                    + "(Sources… in the toolbar), or put a -sources.jar beside the jar.";
        }
        return new Detail(a, title(f.rule()), share, location, f.message(), f.mechanism(), a.evidence(),
                f.fix().before(), f.fix().after(), source, note, isMeasured, sources.file(f.className(), f.file()).orElse(null));
    }

    /** "high", "medium"... for chips. */
    public static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
