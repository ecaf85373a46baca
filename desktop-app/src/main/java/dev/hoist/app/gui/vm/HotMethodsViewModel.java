package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The hot-methods table: one row per method with samples of the shown kind, self and total as
 * counts and shares, and its hottest lines; filtered by a text the user types (any part of the
 * class or method name, case-insensitive). Sorting is the table's own.
 */
public final class HotMethodsViewModel {

    /** One method's row; shares are 0..1 of all samples (or bytes) of the kind. */
    public record Row(MethodRef method, String name, long self, long total, double selfShare, double totalShare,
                      String hottestLines) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "samples");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public HotMethodsViewModel() {
        filter.addListener((o, a, b) -> applyFilter());
    }

    /** Rows after the filter; the table wraps them in a SortedList. */
    public ObservableList<Row> rows() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** What self and total count: samples, allocated bytes or time waited. */
    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }

    /** A self or total amount as the table shows it: bytes in KB/MB/GB, lock waits in ms, samples counted. */
    public String amount(long v) {
        return switch (unit.get()) {
            case "allocated" -> Fmt.bytes((double) v);
            case "waited" -> String.format(Locale.ROOT, "%,.1f ms", v / 1e6);
            default -> Fmt.count(v);
        };
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The rows for a snapshot's method sums; computed off the UI thread with the snapshot. */
    static List<Row> rowsOf(MethodStats stats) {
        long grand = Math.max(1, stats.grandTotal());
        List<Row> out = new ArrayList<>();
        for (MethodStats.MethodStat s : stats.bySelf()) {
            String lines = stats.lines(s.methodIndex()).stream()
                    .filter(l -> l.line() > 0 && l.self() > 0).limit(3)
                    .map(l -> l.line() + " (" + Fmt.pct((double) l.self() / grand) + ")")
                    .collect(Collectors.joining(", "));
            out.add(new Row(s.method(), s.method().shortSignature(120), s.self(), s.total(), (double) s.self() / grand,
                    (double) s.total() / grand, lines));
        }
        return List.copyOf(out);
    }

    /** Shows the methods of a new snapshot (UI thread). */
    public void show(ProfileSnapshot view) {
        rows.setAll(view.rows());
        EventKind k = view.kind();
        unit.set(k == EventKind.ALLOC ? "allocated" : k == EventKind.LOCK ? "waited" : "samples");
        applyFilter();
    }

    public void clear() {
        rows.clear();
        applyFilter();
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(f.isEmpty() ? r -> true
                : r -> r.method().displayName().toLowerCase(Locale.ROOT).contains(f));
        String in = switch (unit.get()) {
            case "allocated" -> " · bytes allocated";
            case "waited" -> " · time waited";
            default -> " · samples";
        };
        summary.set((f.isEmpty() ? Fmt.count(rows.size()) + " methods"
                : Fmt.count(filtered.size()) + " of " + Fmt.count(rows.size()) + " methods match") + in);
    }
}
