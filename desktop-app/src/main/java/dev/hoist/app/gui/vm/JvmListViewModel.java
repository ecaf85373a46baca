package dev.hoist.app.gui.vm;

import dev.hoist.core.jvm.JvmCatalog;
import dev.hoist.core.jvm.JvmInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The local JVMs, refreshed on their own every few seconds: only JVMs that appeared since the last
 * refresh are attached to (see {@link JvmCatalog#refresh}), so an open window does not knock on
 * every JVM each time. Filtered by any part of the main class or the PID. The selection is kept by
 * PID across refreshes.
 */
public final class JvmListViewModel implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(3);

    private final Workers workers;
    private final java.util.function.Function<List<JvmInfo>, List<JvmInfo>> source;
    private final ObservableList<JvmInfo> jvms = FXCollections.observableArrayList();
    private final FilteredList<JvmInfo> filtered = new FilteredList<>(jvms, j -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<JvmInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Looking for JVMs…");
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile List<JvmInfo> known = List.of();
    private Workers.Ticking auto;

    public JvmListViewModel(Workers workers) {
        this(workers, JvmCatalog::refresh);
    }

    JvmListViewModel(Workers workers, java.util.function.Function<List<JvmInfo>, List<JvmInfo>> source) {
        this.workers = workers;
        this.source = source;
        filter.addListener((o, a, b) -> applyFilter());
    }

    public ObservableList<JvmInfo> jvms() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<JvmInfo> selectedProperty() {
        return selected;
    }

    /** "4 JVMs, 3 attachable". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Refreshes now (in the background); a refresh already running makes this a no-op. */
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        workers.background(this::refreshHere);
    }

    private void refreshHere() {
        try {
            List<JvmInfo> next = source.apply(known);
            known = List.copyOf(next);
            workers.ui(() -> show(next));
        } catch (RuntimeException e) {
            workers.ui(() -> summary.set("Could not list the JVMs: " + e.getMessage()));
        } finally {
            refreshing.set(false);
        }
    }

    /** Starts refreshing every few seconds. */
    public void startAutoRefresh() {
        if (auto == null) {
            refresh();
            // the refresh itself runs in the background: attaching to a new JVM can take seconds,
            // and the ticker also drives the live session's refresh
            auto = workers.every(PERIOD, this::refresh);
        }
    }

    private void show(List<JvmInfo> next) {
        long keep = selected.get() == null ? -1 : selected.get().pid();
        List<JvmInfo> sorted = new ArrayList<>(next);
        // attachable first, then by PID: the ones a user can act on at the top
        sorted.sort((a, b) -> a.attachable() != b.attachable() ? (a.attachable() ? -1 : 1) : Long.compare(a.pid(), b.pid()));
        boolean samePids = sorted.size() == jvms.size();
        for (int i = 0; samePids && i < sorted.size(); i++) {
            samePids = sorted.get(i).pid() == jvms.get(i).pid();
        }
        if (samePids) {
            // only uptimes and reasons change: update rows in place so the table keeps its scroll and focus
            for (int i = 0; i < sorted.size(); i++) {
                if (!sorted.get(i).equals(jvms.get(i))) {
                    jvms.set(i, sorted.get(i));
                }
            }
        } else {
            jvms.setAll(sorted);
        }
        applyFilter();
        selected.set(keep < 0 ? null : jvms.stream().filter(j -> j.pid() == keep).findFirst().orElse(null));
        long ok = next.stream().filter(JvmInfo::attachable).count();
        summary.set(next.isEmpty() ? "No other JVM runs as this user" : next.size() + (next.size() == 1 ? " JVM" : " JVMs")
                + ", " + ok + " attachable");
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(f.isEmpty() ? j -> true
                : j -> j.displayName().toLowerCase(Locale.ROOT).contains(f) || Long.toString(j.pid()).contains(f));
    }

    @Override
    public void close() {
        if (auto != null) {
            auto.close();
            auto = null;
        }
    }

    /** For tests: a fixed source of JVMs. */
    static JvmListViewModel of(Workers workers, Supplier<List<JvmInfo>> jvms) {
        return new JvmListViewModel(workers, known -> jvms.get());
    }
}
