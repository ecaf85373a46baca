package dev.hoist.core.startup;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.Profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a start's samples say (async-profiler, cpu and wall every millisecond from the first
 * instruction): each static initialiser's time, as the wall-clock samples whose innermost
 * {@code <clinit>} frame is its class (so a class initialised inside another's initialiser is
 * charged to itself, not twice), and the CPU samples split by what ran.
 */
final class StartupSamples {
    /** Initialisers of the profiler's own classes and the JFR writer it uses are not the program's. */
    private static final List<String> OWN = List.of("one.profiler.", "jdk.jfr.");

    private StartupSamples() {
    }

    static List<StartupBreakdown.Clinit> clinits(Profile p, double intervalMillis, int top) {
        EventKind kind = p.sampleCounts().getOrDefault(EventKind.WALL, 0L) > 0 ? EventKind.WALL : EventKind.CPU;
        Map<String, Long> samples = new HashMap<>();
        Map<String, Map<String, Long>> callees = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) != kind) {
                continue;
            }
            int[] frames = p.stackFrames(p.stack(i));
            for (int f = 0; f < frames.length; f++) {
                Frame fr = p.frame(frames[f]);
                if ("<clinit>".equals(fr.method().name())) {
                    String cls = fr.method().className();
                    if (OWN.stream().noneMatch(cls::startsWith)) {
                        long n = p.sampleCount(i);
                        samples.merge(cls, n, Long::sum);
                        if (f > 0) {
                            callees.computeIfAbsent(cls, k -> new HashMap<>()).merge(p.frame(frames[f - 1]).method().displayName(), n, Long::sum);
                        }
                    }
                    break;
                }
            }
        }
        List<StartupBreakdown.Clinit> out = new ArrayList<>();
        samples.forEach((cls, n) -> {
            String callee = callees.getOrDefault(cls, Map.of()).entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            out.add(new StartupBreakdown.Clinit(cls, n * intervalMillis, n, callee));
        });
        out.sort(Comparator.comparingDouble(StartupBreakdown.Clinit::millis).reversed().thenComparing(StartupBreakdown.Clinit::className));
        return out.size() > top ? List.copyOf(out.subList(0, top)) : List.copyOf(out);
    }

    /** Java methods by their own cpu samples, hottest first: what ran during the start, beside loading it. */
    static List<StartupBreakdown.HotMethod> hot(Profile p, int top) {
        List<StartupBreakdown.HotMethod> out = new ArrayList<>();
        for (var m : dev.hoist.core.profile.MethodStats.of(p, EventKind.CPU).bySelf()) {
            if (out.size() >= top) {
                break;
            }
            if (!m.method().className().isEmpty() && m.self() > 0 && OWN.stream().noneMatch(m.method().className()::startsWith)) {
                out.add(new StartupBreakdown.HotMethod(m.method().displayName(), m.self()));
            }
        }
        return List.copyOf(out);
    }

    static StartupBreakdown.CpuSplit cpu(Profile p, double intervalMillis) {
        long interp = 0;
        long compiled = 0;
        long jit = 0;
        long gc = 0;
        long vm = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) != EventKind.CPU) {
                continue;
            }
            String thread = p.threadName(p.thread(i)).toLowerCase(Locale.ROOT);
            long n = p.sampleCount(i);
            if (thread.contains("compilerthread") || thread.startsWith("c1 ") || thread.startsWith("c2 ")) {
                jit += n;
            } else if (thread.startsWith("gc") || thread.contains(" gc") || thread.contains("g1 ") || thread.contains("parallel gc")) {
                gc += n;
            } else {
                FrameType leafJava = leafJavaType(p, p.stackFrames(p.stack(i)));
                if (leafJava == FrameType.INTERPRETED) {
                    interp += n;
                } else if (leafJava != null) {
                    compiled += n;
                } else {
                    vm += n;
                }
            }
        }
        return new StartupBreakdown.CpuSplit(interp, compiled, jit, gc, vm, intervalMillis);
    }

    /** The type of the leaf frame when it is Java code; null when the leaf is the VM, native code or the kernel. */
    private static FrameType leafJavaType(Profile p, int[] frames) {
        if (frames.length == 0) {
            return null;
        }
        FrameType t = p.frame(frames[0]).type();
        return t.isJava() ? t : null;
    }
}
