package dev.hoist.core.advice;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which methods of a recording the advisor reads: the hot ones, where the samples land and the loops around them. */
public final class HotMethods {
    private HotMethods() {
    }

    /**
     * The hot methods: Java methods ordered by inclusive samples of {@code kind}, taken until the
     * taken methods' <em>self</em> samples reach {@code coverage} of all samples (or {@code max}
     * methods). Ordering by inclusive samples brings in the callers whose loops the time is spent
     * under (a loop calling {@code String.substring} has little self time); stopping on self
     * coverage ends the list once the places where samples land are covered. Methods holding
     * allocation samples are added the same way, so allocation-heavy loops are seen too.
     */
    public static List<MethodRef> of(Profile profile, EventKind kind, double coverage, int max) {
        Set<MethodRef> out = new LinkedHashSet<>();
        if (kind != null) take(profile, kind, coverage, max, out);
        if (profile.sampleCounts().containsKey(EventKind.ALLOC) && kind != EventKind.ALLOC) {
            take(profile, EventKind.ALLOC, coverage, max, out);
        }
        return List.copyOf(out);
    }

    /** The event kind time shares are measured in when the user does not choose: cpu, then wall, sample, native; null if none. */
    static EventKind timeKind(Profile profile) {
        return EventKind.preferred(profile.sampleCounts(), EventKind::weightIsSamples);
    }

    /** Whether any frame carries a bytecode index, without which no sample can be placed in a loop (collapsed stacks). */
    static boolean haveBytecodeIndexes(Profile profile) {
        for (int i = 0, n = profile.frameCount(); i < n; i++) {
            if (profile.frame(i).bci() >= 0) return true;
        }
        return profile.frameCount() == 0;
    }

    private static void take(Profile profile, EventKind kind, double coverage, int max, Set<MethodRef> out) {
        // wall samples land on every thread, waiting or not: rank the code that was running
        MethodStats stats = kind == EventKind.WALL ? MethodStats.of(profile, kind, profile.idleStacks()) : MethodStats.of(profile, kind);
        long total = stats.grandTotal();
        if (total == 0) return;
        BitSet java = javaMethods(profile);
        long self = 0;
        for (MethodStats.MethodStat s : stats.byTotal()) {
            if (out.size() >= max || self >= coverage * total) break;
            // native and VM frames count toward coverage (they are where samples land) but have no bytecode
            self += s.self();
            if (java.get(s.methodIndex()) && !s.method().className().isEmpty()) out.add(s.method());
        }
    }

    /**
     * For wall-clock advice, what was left out and which threads were looked at: "wall: 92.1% of the
     * samples were threads waiting (park, wait, sleep, I/O), left out; the running code ranked is that
     * of main (974 samples), pool-1-thread-2 (12)". Null for other kinds, or when nothing waited.
     */
    static String wallNotice(Profile profile, EventKind kind) {
        if (kind != EventKind.WALL) return null;
        BitSet idle = profile.idleStacks();
        long all = 0;
        long waiting = 0;
        long[] running = new long[profile.threadCount()];
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) != EventKind.WALL) continue;
            all += profile.weight(i);
            if (idle.get(profile.stack(i))) {
                waiting += profile.weight(i);
            } else if (profile.thread(i) >= 0) {
                running[profile.thread(i)] += profile.weight(i);
            }
        }
        if (waiting == 0 || all == 0) return null;
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int t = 0; t < running.length; t++) if (running[t] > 0) order.add(t);
        order.sort((a, b) -> Long.compare(running[b], running[a]));
        StringBuilder threads = new StringBuilder();
        for (int k = 0; k < Math.min(3, order.size()); k++) {
            if (k > 0) threads.append(", ");
            threads.append(profile.threadName(order.get(k))).append(" (").append(running[order.get(k)]).append(" samples)");
        }
        return String.format(java.util.Locale.ROOT, "wall: %.1f%% of the samples were threads waiting (park, wait, sleep, I/O), "
                + "left out of the ranking; the running code ranked is mostly that of %s", 100.0 * waiting / all,
                order.isEmpty() ? "no thread" : threads + (order.size() > 3 ? " and " + (order.size() - 3) + " more threads" : ""));
    }

    /** Methods seen in at least one Java frame (async-profiler names native frames by their library). */
    private static BitSet javaMethods(Profile profile) {
        BitSet java = new BitSet(profile.methods().size());
        for (int i = 0, n = profile.frameCount(); i < n; i++) {
            var f = profile.frame(i);
            if (f.type().isJava() || (f.type() == FrameType.UNKNOWN && f.method().className().contains("."))) {
                java.set(f.methodIndex());
            }
        }
        return java;
    }
}
