package dev.hoist.app.gui.vm;

import dev.hoist.core.sampling.SamplingRequest;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the next attach samples: the events, the interval, how long, and whether to repair the
 * target's debug info. Chosen in the sidebar before attaching (an attach starts sampling at once),
 * and remembered while the window is open: what a live session was last set to is what the next
 * one starts with.
 */
public final class SamplingSettings {
    private final BooleanProperty cpu = new SimpleBooleanProperty(this, "cpu", true);
    private final BooleanProperty wall = new SimpleBooleanProperty(this, "wall", false);
    private final BooleanProperty alloc = new SimpleBooleanProperty(this, "alloc", true);
    private final BooleanProperty lock = new SimpleBooleanProperty(this, "lock", false);
    private final BooleanProperty repair = new SimpleBooleanProperty(this, "repair", true);
    private final IntegerProperty intervalMs = new SimpleIntegerProperty(this, "intervalMs",
            (int) SamplingRequest.DEFAULT_CPU_INTERVAL.toMillis());
    private final ObjectProperty<LiveSessionViewModel.Length> length = new SimpleObjectProperty<>(this, "length",
            LiveSessionViewModel.Length.UNTIL_STOPPED);

    public BooleanProperty cpuProperty() {
        return cpu;
    }

    public BooleanProperty wallProperty() {
        return wall;
    }

    public BooleanProperty allocProperty() {
        return alloc;
    }

    public BooleanProperty lockProperty() {
        return lock;
    }

    public BooleanProperty repairProperty() {
        return repair;
    }

    public IntegerProperty intervalMsProperty() {
        return intervalMs;
    }

    public ObjectProperty<LiveSessionViewModel.Length> lengthProperty() {
        return length;
    }

    /**
     * Starts {@code session} with these settings, and keeps what the session is set to afterwards as
     * the settings of the next one. On the UI thread, before the session starts.
     */
    void apply(LiveSessionViewModel session) {
        follow(cpu, session.cpuProperty());
        follow(wall, session.wallProperty());
        follow(alloc, session.allocProperty());
        follow(lock, session.lockProperty());
        follow(repair, session.repairProperty());
        session.intervalMsProperty().set(intervalMs.get());
        session.intervalMsProperty().addListener((o, a, b) -> intervalMs.set(b.intValue()));
        session.lengthProperty().set(length.get());
        session.lengthProperty().addListener((o, a, b) -> length.set(b));
    }

    private static void follow(BooleanProperty settings, BooleanProperty session) {
        session.set(settings.get());
        session.addListener((o, a, b) -> settings.set(b));
    }
}
