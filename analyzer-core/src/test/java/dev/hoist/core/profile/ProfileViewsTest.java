package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views the window filters and draws, on real recordings of child JVMs: a time range and a
 * thread filter ({@link SampleFilter}), the thread lanes ({@link ThreadLanes}) and the call tree
 * with its back-traces ({@link CallTree}).
 */
class ProfileViewsTest {
    private static final String W = ProfileWorkload.class.getName();

    @Test
    void aRangeAndItsRestPartitionTheSamplesAndKeepTheTables() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        long start = Timeline.of(p, EventKind.CPU, List.of()).startEpochNanos();
        long mid = start + 700_000_000L;
        Profile first = SampleFilter.ALL.withRange(Long.MIN_VALUE + 1, mid).apply(p);
        Profile rest = SampleFilter.ALL.withRange(mid, Long.MAX_VALUE).apply(p);
        assertThat(first.size()).isPositive();
        assertThat(rest.size()).isPositive();
        assertThat(first.size() + rest.size()).isEqualTo(p.size());
        assertThat(first.methods()).isEqualTo(p.methods());
        assertThat(first.stackFrames(0)).isSameAs(p.stackFrames(0));
        for (int i = 0; i < rest.size(); i++) {
            assertThat(rest.timeNanos(i)).isGreaterThanOrEqualTo(mid);
        }
        // the range's info says how long it is, so a rate per second is over the range
        Profile window = SampleFilter.ALL.withRange(start + 200_000_000L, start + 500_000_000L).apply(p);
        assertThat(window.info().durationNanos()).isEqualTo(300_000_000L);
        assertThat(SampleFilter.ALL.apply(p)).isSameAs(p);
    }

    @Test
    void hidingAThreadLeavesOutItsSamplesOnly() throws Exception {
        Profile p = ProfileReader.read(Recordings.locks());
        Profile without = SampleFilter.ALL.withHidden(Set.of("poster-0")).apply(p);
        long poster0 = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.threadName(p.thread(i)).equals("poster-0")) poster0++;
        }
        assertThat(poster0).isPositive();
        assertThat(without.size()).isEqualTo(p.size() - poster0);
        for (int i = 0; i < without.size(); i++) {
            assertThat(without.threadName(without.thread(i))).isNotEqualTo("poster-0");
        }
    }

    @Test
    void lanesShowTheContendedThreadsBlockedAndRunning() throws Exception {
        Profile p = ProfileReader.read(Recordings.locks());
        ThreadLanes lanes = ThreadLanes.of(p, 100);
        assertThat(lanes.buckets()).isEqualTo(100);
        List<ThreadLanes.Lane> posters = lanes.lanes().stream().filter(l -> l.name().startsWith("poster-")).toList();
        assertThat(posters).hasSize(4);
        for (ThreadLanes.Lane l : posters) {
            assertThat(l.running()).as(l.name()).isPositive();
            assertThat(l.blocked()).as(l.name()).isPositive();
            assertThat(l.idle()).isFalse();
            boolean drawnBlocked = false;
            for (int b = 0; b < lanes.buckets(); b++) {
                drawnBlocked |= l.state(b) == ThreadLanes.State.BLOCKED;
            }
            assertThat(drawnBlocked).as(l.name() + " has a blocked bucket").isTrue();
        }
    }

    @Test
    void inWallClockModeTheMainThreadRunsAndTheJvmsOwnThreadsWait() throws Exception {
        Profile p = ProfileReader.read(Recordings.wall());
        ThreadLanes lanes = ThreadLanes.of(p, 50);
        // the main thread, busiest first (renamed DestroyJavaVM as it exits, when async-profiler writes the names)
        ThreadLanes.Lane main = lanes.lanes().get(0);
        assertThat(main.name()).isIn("main", "DestroyJavaVM");
        assertThat(main.idle()).isFalse();
        assertThat(main.running()).isGreaterThan(main.waiting());
        // the Reference Handler, Finalizer, Signal Dispatcher and friends: sampled, never running
        assertThat(lanes.lanes().stream().filter(ThreadLanes.Lane::idle).map(ThreadLanes.Lane::name))
                .contains("Reference Handler", "Finalizer");
    }

    @Test
    void callTreeSumsAndBackTracesLeadToTheCallers() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        CallTree tree = CallTree.of(p, EventKind.CPU);
        long cpu = p.sampleCounts().get(EventKind.CPU);
        assertThat(tree.root().total()).isEqualTo(cpu);
        assertThat(tree.root().children().stream().mapToLong(CallTree.Node::total).sum()).isEqualTo(cpu);
        // follow the heaviest path down: totals never grow, and each node's children and self make its total
        CallTree.Node n = tree.root();
        while (!n.children().isEmpty()) {
            long children = n.children().stream().mapToLong(CallTree.Node::total).sum();
            if (n.method() != null) {
                assertThat(children + n.self()).as(n.toString()).isEqualTo(n.total());
            }
            n = n.children().get(0);
        }
        MethodRef heavy = p.methods().stream().filter(m -> m.className().equals(W) && m.name().equals("heavy"))
                .findFirst().orElseThrow();
        CallTree callers = CallTree.callers(p, EventKind.CPU, heavy);
        long heavyTotal = MethodStats.of(p, EventKind.CPU).method(p.methodIndex(heavy)).total();
        assertThat(callers.root().total()).isEqualTo(heavyTotal);
        assertThat(callers.root().children()).isNotEmpty();
        assertThat(callers.root().children().get(0).method().name()).isEqualTo("main");
        assertThat(callers.root().children().get(0).method().className()).isEqualTo(W);
    }
}
