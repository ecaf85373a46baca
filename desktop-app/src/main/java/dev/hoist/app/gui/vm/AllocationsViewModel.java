package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.Allocations;
import dev.hoist.core.profile.Frame;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What was allocated: by type and by site, in bytes with units, each with its share of all the
 * bytes sampled, and the allocation rate over the recording. Rows are made off the UI thread with
 * the snapshot ({@link #of}); the UI thread only shows them.
 */
public final class AllocationsViewModel {

    /** One allocated type: its bytes and share of all allocated bytes. */
    public record TypeRow(String type, long bytes, double share, long samples) {
    }

    /** One site (the allocating method and line, and below a JDK site the caller in the application) and the type it allocates. */
    public record SiteRow(String site, String caller, String type, long bytes, double share) {
    }

    /** What the allocations view shows of one snapshot; empty when it holds no allocation samples. */
    public record Rows(List<TypeRow> types, List<SiteRow> sites, long totalBytes, long durationNanos) {
        static final Rows NONE = new Rows(List.of(), List.of(), 0, 0);
    }

    private static final int MAX_SITES = 500;

    private final ObservableList<TypeRow> types = FXCollections.observableArrayList();
    private final ObservableList<SiteRow> sites = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /** The rows of {@code a}; background only. */
    static Rows of(Allocations a, long durationNanos) {
        if (a == null || a.totalBytes() == 0) {
            return Rows.NONE;
        }
        double all = a.totalBytes();
        List<TypeRow> t = new ArrayList<>();
        for (Allocations.TypeStat s : a.byType()) {
            t.add(new TypeRow(s.type(), s.bytes(), s.bytes() / all, s.samples()));
        }
        List<SiteRow> s = new ArrayList<>();
        for (Allocations.SiteStat st : a.bySite()) {
            if (s.size() == MAX_SITES) {
                break;
            }
            s.add(new SiteRow(where(st.site()), st.caller() == null ? "" : where(st.caller()), st.type(), st.bytes(),
                    st.bytes() / all));
        }
        return new Rows(List.copyOf(t), List.copyOf(s), a.totalBytes(), durationNanos);
    }

    private static String where(Frame f) {
        return f.method().shortSignature(90) + (f.line() > 0 ? ":" + f.line() : "");
    }

    public ObservableList<TypeRow> types() {
        return types;
    }

    public ObservableList<SiteRow> sites() {
        return sites;
    }

    /** "1.2 GB allocated in 0:30, 40.1 MB/s · 12 types, 80 sites", or why there is nothing. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Shows a snapshot's rows (UI thread). */
    public void show(Rows r) {
        types.setAll(r.types());
        sites.setAll(r.sites());
        if (r.totalBytes() == 0) {
            summary.set("No allocation samples: sample with alloc to see what is allocated where.");
            return;
        }
        double seconds = r.durationNanos() / 1e9;
        summary.set(Fmt.bytes((double) r.totalBytes()) + " allocated"
                + (seconds >= 1 ? " in " + Fmt.clock(Duration.ofNanos(r.durationNanos())) + ", "
                + Fmt.bytes(r.totalBytes() / seconds) + "/s" : "")
                + " · " + Fmt.count(r.types().size()) + " types, " + Fmt.count(r.sites().size()) + " sites (sampled)");
    }

    public void clear() {
        show(Rows.NONE);
    }
}
