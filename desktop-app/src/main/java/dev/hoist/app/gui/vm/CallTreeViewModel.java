package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.CallTree;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Locale;

/**
 * The call tree next to the flame graph: top-down over the samples shown (the range and threads
 * chosen), merged by method across frame types and lines, and the back-traces (callers) of the
 * method selected in it. Built off the UI thread, and only while its tab is shown: a live session
 * makes a snapshot a second.
 */
public final class CallTreeViewModel {
    private final Workers workers;
    private final ReadOnlyObjectWrapper<CallTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyObjectWrapper<CallTree> callers = new ReadOnlyObjectWrapper<>(this, "callers");
    private final ReadOnlyObjectWrapper<MethodRef> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private ProfileSnapshot last; // UI thread
    private boolean active;

    CallTreeViewModel(Workers workers) {
        this.workers = workers;
    }

    /** The top-down tree, null until built. */
    public ReadOnlyObjectProperty<CallTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The callers of the selected method, null when none is selected. */
    public ReadOnlyObjectProperty<CallTree> callersProperty() {
        return callers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MethodRef> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Whether the tree is on screen; it is built when it becomes so. UI thread. */
    public void setActive(boolean shown) {
        boolean was = active;
        active = shown;
        if (shown && !was) {
            build(last);
        }
    }

    /** A new snapshot: rebuilt at once if on screen, else when shown. UI thread. */
    void show(ProfileSnapshot v) {
        last = v;
        if (active) {
            build(v);
        }
    }

    void clear() {
        last = null;
        tree.set(null);
        callers.set(null);
    }

    /** Shows the callers of {@code m} (a row of the tree, or a method asked for elsewhere). UI thread. */
    public void select(MethodRef m) {
        selected.set(m);
        ProfileSnapshot v = last;
        if (m == null || v == null || v.shown() == null) {
            callers.set(null);
            return;
        }
        Profile p = v.shown();
        EventKind k = v.kind();
        workers.background(() -> {
            CallTree c = CallTree.callers(p, k, m);
            c.root().children(); // the first level, off the UI thread
            workers.ui(() -> {
                @SuppressWarnings("ReferenceEquality") // only for the snapshot and method still shown
                boolean current = last == v && m.equals(selected.get());
                if (current) {
                    callers.set(c);
                }
            });
        });
    }

    private void build(ProfileSnapshot v) {
        if (v == null || v.shown() == null) {
            return;
        }
        Profile p = v.shown();
        EventKind k = v.kind();
        // until the user picks one, the callers of the hottest method (by self) are shown
        MethodRef m = selected.get() != null ? selected.get() : v.rows().isEmpty() ? null : v.rows().get(0).method();
        if (selected.get() == null && m != null) {
            selected.set(m);
        }
        workers.background(() -> {
            CallTree t = CallTree.of(p, k);
            t.root().children();
            CallTree c = m == null ? null : CallTree.callers(p, k, m);
            workers.ui(() -> {
                @SuppressWarnings("ReferenceEquality") // a later snapshot replaces this one
                boolean current = last == v;
                if (current) {
                    tree.set(t);
                    if (java.util.Objects.equals(m, selected.get())) {
                        callers.set(c); // unless another method was picked meanwhile
                    }
                }
            });
        });
    }

    /** A node's weight as the tree shows it: its share of the root's, and the amount in the kind's unit. */
    public static String amount(CallTree t, long v) {
        long all = Math.max(1, t.root().total());
        String n = switch (t.kind()) {
            case ALLOC -> Fmt.bytes((double) v);
            case LOCK -> String.format(Locale.ROOT, "%,.1f ms", v / 1e6);
            default -> Fmt.count(v);
        };
        return Fmt.pct((double) v / all) + "  (" + n + ")";
    }
}
