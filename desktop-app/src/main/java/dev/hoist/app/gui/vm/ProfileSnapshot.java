package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the views draw from one profile snapshot for one event kind, computed off the UI
 * thread in one go: per-method sums, the flame graph, the per-second timeline of the top methods.
 * Immutable; the UI thread only hands its parts to the views.
 *
 * @param kind     the event kind the flame graph and the hot-methods table show
 * @param timeKind the kind the timeline counts per second: the shown kind if it counts time, else the first time kind
 * @param counts   samples (events for alloc and lock) per kind in the snapshot
 * @param top    the methods the timeline follows, hottest first
 * @param rows   the hot-methods table's rows
 */
public record ProfileSnapshot(EventKind kind, EventKind timeKind, Map<EventKind, Long> counts, FlameGraph flame,
                              Timeline timeline, List<MethodRef> top, List<HotMethodsViewModel.Row> rows,
                              AllocationsViewModel.Rows allocations) {

    /** A snapshot without the allocations view's rows. */
    public ProfileSnapshot(EventKind kind, EventKind timeKind, Map<EventKind, Long> counts, FlameGraph flame,
                           Timeline timeline, List<MethodRef> top, List<HotMethodsViewModel.Row> rows) {
        this(kind, timeKind, counts, flame, timeline, top, rows, AllocationsViewModel.Rows.NONE);
    }

    /** How many methods the timeline's share chart follows. */
    public static final int TOP_METHODS = 5;

    /** Computes the view of {@code profile} for {@code kind} (null: the first time kind present). */
    public static ProfileSnapshot of(Profile profile, EventKind kind) {
        Map<EventKind, Long> counts = profile.sampleCounts();
        EventKind k = kind != null && counts.containsKey(kind) ? kind : defaultKind(counts);
        MethodStats stats = MethodStats.of(profile, k);
        // one node per call path, however the JIT ran it: split by frame type, a path was drawn up to three times
        FlameGraph flame = FlameGraph.merged(profile, k);
        List<MethodRef> top = new ArrayList<>();
        EventKind timeKind = timeKind(counts, k);
        MethodStats timeStats = timeKind == k ? stats : MethodStats.of(profile, timeKind);
        for (MethodStats.MethodStat s : timeStats.bySelf()) {
            if (top.size() == TOP_METHODS) {
                break;
            }
            if (!s.method().className().isEmpty()) {
                top.add(s.method());
            }
        }
        Timeline timeline = Timeline.of(profile, timeKind, top);
        // the table's rows too: formatting thousands of rows is work the UI thread should not do
        // what was allocated, by type and by site: the table of methods says who allocates, not what
        AllocationsViewModel.Rows allocations = counts.getOrDefault(EventKind.ALLOC, 0L) == 0 ? AllocationsViewModel.Rows.NONE
                : AllocationsViewModel.of(dev.hoist.core.profile.Allocations.of(profile), profile.info().durationNanos());
        return new ProfileSnapshot(k, timeKind, counts, flame, timeline, List.copyOf(top), HotMethodsViewModel.rowsOf(stats),
                allocations);
    }

    /** The kind shown when the user has not chosen: cpu, then wall, sample, native, alloc, lock. */
    public static EventKind defaultKind(Map<EventKind, Long> counts) {
        EventKind k = EventKind.preferred(counts, any -> true);
        return k != null ? k : EventKind.CPU;
    }

    /** The kind the timeline's per-second samples count: the shown kind if it counts time, else the first time kind. */
    static EventKind timeKind(Map<EventKind, Long> counts, EventKind shown) {
        if (shown.weightIsSamples()) {
            return shown;
        }
        EventKind k = EventKind.preferred(counts, EventKind::weightIsSamples);
        return k != null ? k : EventKind.CPU;
    }

    /** The fewest samples a point of the share chart stands on; fewer swung it between 0 and 100%. */
    static final int MIN_SAMPLES_PER_POINT = 100;
    /** How far a point's window reaches either side when the seconds around it are sparse. */
    static final int MAX_HALF_WINDOW_SECONDS = 5;

    /**
     * Per second, the share of the timeline's samples that had {@code method} on the stack, 0..1,
     * over the seconds around it: as many as it takes to count {@value #MIN_SAMPLES_PER_POINT}
     * samples, at most {@value #MAX_HALF_WINDOW_SECONDS} either side. At ten samples a second, one
     * second alone swung the line between 0 and 100%.
     */
    public double[] shareOverTime(MethodRef method) {
        long[] all = timeline.samples();
        long[] mine = timeline.methods().getOrDefault(method, new long[all.length]);
        double[] out = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            long total = all[i];
            long hits = mine[i];
            for (int h = 1; h <= MAX_HALF_WINDOW_SECONDS && total < MIN_SAMPLES_PER_POINT; h++) {
                if (i - h >= 0) {
                    total += all[i - h];
                    hits += mine[i - h];
                }
                if (i + h < all.length) {
                    total += all[i + h];
                    hits += mine[i + h];
                }
            }
            out[i] = total == 0 ? 0 : (double) hits / total;
        }
        return out;
    }
}
