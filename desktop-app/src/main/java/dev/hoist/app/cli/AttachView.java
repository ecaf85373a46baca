package dev.hoist.app.cli;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.jvm.TargetVitals;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code hoist attach} shows at one refresh, computed off the screen by {@link AttachSession}
 * and drawn by {@link AttachScreen}: immutable, so the screen can draw it from any thread. Text in
 * it is the target's and is cleaned when drawn.
 *
 * @param target      "JVM 1234 OrderService"
 * @param java        the target's Java version and vendor
 * @param sampler     "async-profiler (cpu engine: perf_events)", or "starting" before the first chunk
 * @param sampling    how long sampling has run
 * @param vitals      the target's vital signs, null before the first read or when they cannot be read
 * @param allocRate   allocated bytes per second in the window, from the allocation samples; -1 when not sampled
 * @param samples     samples so far per kind, since sampling started
 * @param kind        the event kind the hot methods are ranked by
 * @param sampled     the kinds that are being sampled (the ones the event keys can switch to)
 * @param window      "last 10 s" or "since 12:01:07"
 * @param ownCode     whether the hot methods are the application's own code (else every frame by self samples)
 * @param hot         hot methods of the window, hottest first
 * @param advice      ranked advice for the window (the report's advisor), empty until the first ranking
 * @param adviceState what the advice list is waiting for, e.g. "ranking…", or empty
 * @param recording   the recording the sampler writes
 * @param samplerState "paused" (no profiler runs in the target), "restarting the sampler with lock added", or empty
 */
record AttachView(String target, String java, String sampler, Duration sampling, TargetVitals.Vitals vitals,
                  long allocRate, Map<EventKind, Long> samples, EventKind kind, List<EventKind> sampled, String window, boolean ownCode,
                  List<HotRow> hot, List<Advice> advice, String adviceState, Path recording,
                  String samplerState) {

    AttachView {
        samples = Map.copyOf(samples);
        sampled = List.copyOf(sampled);
        hot = List.copyOf(hot);
        advice = List.copyOf(advice);
    }

    /**
     * One hot method of the window.
     *
     * @param method  the method
     * @param line    its hottest line, 0 when unknown
     * @param share   its share of the window's samples of the kind shown, 0..1: the samples charged to it
     *                (own code: with the JDK and VM code it calls) or its self samples (all frames)
     * @param total   its inclusive share, 0..1
     * @param loop    "loop 41-52" when an advice knows the loop around the hot line, else empty
     * @param advised ranks of the advice in this method (or in a callee it calls per iteration), empty when none
     */
    record HotRow(MethodRef method, int line, double share, double total, String loop, List<Integer> advised) {
        HotRow {
            advised = List.copyOf(advised);
        }
    }
}
