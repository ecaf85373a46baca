package dev.hoist.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-second buckets from the start of the recording: samples of one execution kind, allocated bytes,
 * and the per-second samples (total, i.e. anywhere on the stack) of chosen methods, so a chart can
 * show when a method got hot. Empty for sources without time (collapsed stacks).
 */
@SuppressWarnings("ArrayRecordComponent") // chart data, never compared or used as a key
public record Timeline(long startEpochNanos, long[] samples, long[] allocBytes, Map<MethodRef, long[]> methods) {

    public int seconds() {
        return samples.length;
    }

    /** Buckets samples of kind (usually CPU) per second; methods are counted where they appear in the stack. */
    public static Timeline of(Profile p, EventKind kind, List<MethodRef> methods) {
        long[] span = p.sampleTimeSpan();
        if (span == null) {
            return new Timeline(-1, new long[0], new long[0], Map.of());
        }
        long start = span[0];
        long end = span[1];
        int seconds = (int) ((end - start) / 1_000_000_000L) + 1;
        long[] samples = new long[seconds];
        long[] alloc = new long[seconds];
        int[] methodIdx = methods.stream().mapToInt(p::methodIndex).toArray();
        long[][] perMethod = new long[methodIdx.length][seconds];
        // a method's stacks, as a lookup per stack id, so each sample costs one array read per method
        boolean[][] inStack = new boolean[methodIdx.length][];
        for (int m = 0; m < methodIdx.length; m++) {
            inStack[m] = new boolean[p.stackCount()];
            if (methodIdx[m] >= 0) {
                for (int s : p.stacksContaining(methodIdx[m])) {
                    inStack[m][s] = true;
                }
            }
        }
        for (int i = 0, n = p.size(); i < n; i++) {
            long t = p.timeNanos(i);
            if (t < 0) {
                continue;
            }
            int sec = (int) ((t - start) / 1_000_000_000L);
            EventKind k = p.kind(i);
            if (k == kind) {
                long c = p.sampleCount(i);
                samples[sec] += c;
                for (int m = 0; m < methodIdx.length; m++) {
                    if (inStack[m][p.stack(i)]) {
                        perMethod[m][sec] += c;
                    }
                }
            } else if (k == EventKind.ALLOC) {
                alloc[sec] += p.weight(i);
            }
        }
        Map<MethodRef, long[]> byMethod = new LinkedHashMap<>();
        for (int m = 0; m < methodIdx.length; m++) {
            byMethod.put(methods.get(m), perMethod[m]);
        }
        return new Timeline(start, samples, alloc, byMethod);
    }
}
