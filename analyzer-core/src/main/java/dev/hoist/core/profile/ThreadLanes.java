package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * What each thread did over time, as JMC's and VisualVM's thread lanes show it: the recording cut
 * into equal buckets, and per thread and bucket whether it ran (a CPU sample, or a wall-clock sample
 * on a running stack), waited (a wall-clock sample on a waiting stack: park, wait, sleep, a blocking
 * read, see {@link IdleStacks}) or was blocked on a monitor (a lock event). A bucket with several
 * shows the one with the most samples, blocked first on a tie. Threads are ordered busiest first.
 *
 * @param startEpochNanos where the first bucket starts
 * @param bucketNanos     how long each bucket is
 */
public record ThreadLanes(long startEpochNanos, long bucketNanos, List<Lane> lanes) {

    /** A bucket's state, or NONE when the thread has no sample in it. */
    public enum State {
        NONE, RUNNING, WAITING, BLOCKED
    }

    /**
     * One thread's lane.
     *
     * @param states  the state per bucket, by {@link State} ordinal
     * @param running samples on a running stack
     * @param waiting wall-clock samples on a waiting stack
     * @param blocked lock events
     */
    @SuppressWarnings("ArrayRecordComponent") // drawing data, never compared or used as a key
    public record Lane(String name, byte[] states, long running, long waiting, long blocked) {
        @SuppressWarnings("EnumOrdinal") // written by of() in this process
        public State state(int bucket) {
            return State.values()[states[bucket]];
        }

        /**
         * Whether the thread hardly ran: under 5% of its wall-clock samples on a running stack. In a
         * wall-clock recording these are the JVM's and the pools' parked threads (a compiler thread runs
         * about 1% of the time), most of the samples and none of the work. Only wall samples say a thread
         * waited: one blocked on a contended lock is not idle (it is what the lock view is about), and
         * without wall samples no thread is.
         */
        public boolean idle() {
            return waiting > 0 && running * 20 < running + waiting;
        }
    }

    /** Lanes of {@code p}'s threads over {@code buckets} equal parts of the recording (none without times). */
    @SuppressWarnings("EnumOrdinal") // the lane's bytes live in this process only
    public static ThreadLanes of(Profile p, int buckets) {
        long[] span = p.sampleTimeSpan();
        if (span == null || buckets <= 0) {
            return new ThreadLanes(-1, 1, List.of());
        }
        long start = span[0];
        long end = span[1];
        long bucket = Math.max(1, (end - start) / buckets + 1);
        int threads = p.threadCount();
        // per thread and bucket, samples of each state: running, waiting, blocked
        int[][][] counts = new int[threads][][];
        long[][] totals = new long[threads][3];
        BitSet idle = p.idleStacks();
        for (int i = 0, n = p.size(); i < n; i++) {
            long t = p.timeNanos(i);
            if (t < 0) {
                continue;
            }
            int state = switch (p.kind(i)) {
                case LOCK -> 2;
                case WALL -> idle.get(p.stack(i)) ? 1 : 0;
                case ALLOC -> -1; // an allocation says the thread ran, but not for how long; the CPU samples say it
                default -> 0;
            };
            if (state < 0) {
                continue;
            }
            int th = p.thread(i);
            if (counts[th] == null) {
                counts[th] = new int[3][buckets];
            }
            counts[th][state][(int) Math.min(buckets - 1, (t - start) / bucket)]++;
            totals[th][state] += p.kind(i) == EventKind.LOCK ? 1 : p.sampleCount(i);
        }
        List<Lane> lanes = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            if (counts[th] == null) {
                continue;
            }
            byte[] states = new byte[buckets];
            for (int b = 0; b < buckets; b++) {
                int r = counts[th][0][b];
                int w = counts[th][1][b];
                int k = counts[th][2][b];
                State s = r + w + k == 0 ? State.NONE : k >= r && k >= w ? State.BLOCKED : r >= w ? State.RUNNING : State.WAITING;
                states[b] = (byte) s.ordinal();
            }
            lanes.add(new Lane(p.threadName(th), states, totals[th][0], totals[th][1], totals[th][2]));
        }
        lanes.sort(Comparator.comparingLong(Lane::running).reversed().thenComparing(Lane::name));
        return new ThreadLanes(start, bucket, List.copyOf(lanes));
    }

    public int buckets() {
        return lanes.isEmpty() ? 0 : lanes.get(0).states().length;
    }
}
