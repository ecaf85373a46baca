package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.SampleFilter;
import dev.hoist.core.profile.ThreadLanes;
import dev.hoist.core.profile.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * @param lanes  what each thread did over the whole recording
 * @param filter the range and the threads the user chose
 * @param idleHidden threads left out because they hardly ran (wall-clock views), besides those chosen
 * @param shown  the samples the views show (the filter applied); null in tests' hand-made snapshots
 */
public record ProfileSnapshot(EventKind kind, EventKind timeKind, Map<EventKind, Long> counts, FlameGraph flame,
                              Timeline timeline, List<MethodRef> top, List<HotMethodsViewModel.Row> rows,
                              AllocationsViewModel.Rows allocations, ThreadLanes lanes, SampleFilter filter,
                              Set<String> idleHidden, Profile shown) {

    /** A snapshot without the allocations view's rows, the lanes and a filter. */
    public ProfileSnapshot(EventKind kind, EventKind timeKind, Map<EventKind, Long> counts, FlameGraph flame,
                           Timeline timeline, List<MethodRef> top, List<HotMethodsViewModel.Row> rows) {
        this(kind, timeKind, counts, flame, timeline, top, rows, AllocationsViewModel.Rows.NONE,
                new ThreadLanes(-1, 1, List.of()), SampleFilter.ALL, Set.of(), null);
    }

    /** How many methods the timeline's share chart follows. */
    public static final int TOP_METHODS = 5;
    /** How many parts of the recording the thread lanes have. */
    public static final int LANE_BUCKETS = 240;

    /** Computes the view of {@code profile} for {@code kind} (null: the first time kind present), all samples. */
    public static ProfileSnapshot of(Profile profile, EventKind kind) {
        return of(profile, SampleFilter.ALL, false, kind);
    }

    /**
     * Computes the view of the samples of {@code whole} that {@code filter} keeps, for {@code kind}
     * (null: the first time kind present). The timeline and the thread lanes show the whole
     * recording (of the threads shown), so that a range can be chosen on them; the rest shows the
     * range. With {@code hideIdleInWall}, wall-clock views leave out the threads that hardly ran
     * ({@link ThreadLanes.Lane#idle()}): in a wall-clock recording they are most samples and no work.
     */
    public static ProfileSnapshot of(Profile whole, SampleFilter filter, boolean hideIdleInWall, EventKind kind) {
        Map<EventKind, Long> counts = whole.sampleCounts();
        EventKind k = kind != null && counts.containsKey(kind) ? kind : defaultKind(counts);
        ThreadLanes lanes = ThreadLanes.of(whole, LANE_BUCKETS);
        Set<String> idle = new TreeSet<>();
        if (hideIdleInWall && k == EventKind.WALL) {
            for (ThreadLanes.Lane l : lanes.lanes()) {
                // a thread shown on purpose stays shown
                if (l.idle() && !filter.hiddenThreads().contains(l.name())) idle.add(l.name());
            }
        }
        Set<String> hidden = new java.util.HashSet<>(filter.hiddenThreads());
        hidden.addAll(idle);
        SampleFilter effective = filter.withHidden(hidden);
        Profile threads = effective.withoutRange().apply(whole);
        Profile profile = effective.apply(threads);
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
        Timeline timeline = Timeline.of(threads, timeKind, top);
        // the table's rows too: formatting thousands of rows is work the UI thread should not do
        // what was allocated, by type and by site: the table of methods says who allocates, not what
        AllocationsViewModel.Rows allocations = profile.sampleCounts().getOrDefault(EventKind.ALLOC, 0L) == 0
                ? AllocationsViewModel.Rows.NONE
                : AllocationsViewModel.of(dev.hoist.core.profile.Allocations.of(profile), profile.info().durationNanos());
        return new ProfileSnapshot(k, timeKind, counts, flame, timeline, List.copyOf(top), HotMethodsViewModel.rowsOf(stats),
                allocations, lanes, filter, Set.copyOf(idle), profile);
    }

    /** Seconds from the timeline's start to an instant, for the range shown. */
    public double secondsAt(long epochNanos) {
        return (epochNanos - timeline.startEpochNanos()) / 1e9;
    }

    /** The instant {@code seconds} after the timeline's start. */
    public long epochNanosAt(double seconds) {
        return timeline.startEpochNanos() + Math.round(seconds * 1e9);
    }

    /**
     * What part of the recording the views show: "showing 12.0–18.5 s of 30.0 s", or empty when
     * they show all of it.
     */
    public String rangeText() {
        if (!filter.hasRange() || timeline.startEpochNanos() < 0) {
            return "";
        }
        double from = Math.max(0, secondsAt(filter.fromEpochNanos()));
        double to = Math.min(timeline.seconds(), secondsAt(filter.toEpochNanos()));
        return String.format(java.util.Locale.ROOT, "showing %.1f–%.1f s of %.1f s", from, to, (double) timeline.seconds());
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
