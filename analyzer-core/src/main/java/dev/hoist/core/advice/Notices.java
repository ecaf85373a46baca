package dev.hoist.core.advice;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.Profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a profile says that is not loop-shaped, as notices beside the advice: the JIT compiler
 * threads taking a large share of the cpu (still warming up, recompiling, or code too large to
 * compile), time inside the JDK's own code named by the program's call that leads there
 * ({@link JdkHotSpots}), and objects built per call whose construction allocates a large share of
 * the bytes (a costly helper made on every call of a hot path, where one would do).
 */
final class Notices {
    /** Share of time samples on compiler threads above which the profile is mostly the JIT at work. */
    static final double JIT_SHARE = 0.2;
    /** Share of allocated bytes one kind of object's construction must hold to be called out. */
    static final double ALLOC_SHARE = 0.1;

    private Notices() {
    }

    /** The notices for {@code profile}; calls into the JDK that {@code advice} already covers are left to it. */
    static List<String> of(Profile profile, EventKind kind, List<Advice> advice) {
        List<String> out = new ArrayList<>();
        String jit = jit(profile, kind);
        if (jit != null) out.add(jit);
        Set<String> built = new HashSet<>();
        List<String> constructions = constructions(profile, built);
        out.addAll(JdkHotSpots.of(profile, kind, advice, built));
        out.addAll(constructions);
        return out;
    }

    private static String jit(Profile profile, EventKind kind) {
        if (kind == null) return null;
        long total = 0;
        long compiler = 0;
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) != kind) continue;
            total += profile.weight(i);
            int t = profile.thread(i);
            String name = t >= 0 && t < profile.threadCount() ? profile.threadName(t) : null;
            // async-profiler names native threads by their 15-character Linux name: "C2 CompilerThre"
            if (name != null && (name.startsWith("C2 CompilerThre") || name.startsWith("C1 CompilerThre")
                    || (name.contains("JVMCI") && name.contains("Compiler")))) {
                compiler += profile.weight(i);
            }
        }
        if (total == 0 || (double) compiler / total < JIT_SHARE) return null;
        return "the JIT compiler threads took " + pct((double) compiler / total) + " of the " + kind.id() + " samples: the "
                + "program was still warming up, keeps recompiling (deoptimisation loops: record jdk.Deoptimization events, or run "
                + "with -Xlog:deoptimization=debug), or has methods too large to compile (-XX:+PrintCompilation shows 'COMPILE SKIPPED'). "
                + "Profile again after warm-up (attach later or sample longer); for short runs, -XX:TieredStopAtLevel=1 or an AppCDS/AOT "
                + "archive cuts this cost; advice on loops counts only the rest";
    }

    /**
     * Allocations grouped by the object under construction: walking from the allocation toward the
     * root, the outermost of the constructors that directly enclose it, and the method that called
     * that constructor.
     */
    private static List<String> constructions(Profile profile, Set<String> calledOut) {
        long totalBytes = 0;
        Map<String, long[]> byBuilt = new HashMap<>();
        Map<String, Map<String, Long>> types = new HashMap<>();
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) != EventKind.ALLOC) continue;
            long w = profile.weight(i);
            totalBytes += w;
            int[] frames = profile.stackFrames(profile.stack(i));
            int outer = -1;
            for (int j = 0; j < frames.length; j++) {
                Frame f = profile.frame(frames[j]);
                if (!f.type().isJava()) continue;
                if ("<init>".equals(f.method().name())) outer = j;
                else if (outer >= 0) break;
                else if (j > 0) break; // the allocation is not inside a constructor
            }
            if (outer < 0 || outer + 1 >= frames.length) continue;
            Frame built = profile.frame(frames[outer]);
            Frame caller = profile.frame(frames[outer + 1]);
            String cls = built.method().className();
            if (dev.hoist.core.classes.JdkClasses.isJdk(cls)) continue; // a JDK object is the advice's business
            String key = cls + "|" + caller.method().displayName();
            byBuilt.computeIfAbsent(key, k -> new long[1])[0] += w;
            int c = profile.allocClass(i);
            String type = c >= 0 ? profile.className(c) : "?";
            types.computeIfAbsent(key, k -> new HashMap<>()).merge(type, w, Long::sum);
        }
        List<String> out = new ArrayList<>();
        if (totalBytes == 0) return out;
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byBuilt.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        for (Map.Entry<String, long[]> e : sorted) {
            double share = (double) e.getValue()[0] / totalBytes;
            if (share < ALLOC_SHARE || out.size() >= 3) break;
            String[] parts = e.getKey().split("\\|", 2);
            calledOut.add(parts[0]);
            List<Map.Entry<String, Long>> held = new ArrayList<>(types.get(e.getKey()).entrySet());
            held.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            StringBuilder what = new StringBuilder();
            for (int k = 0; k < Math.min(3, held.size()); k++) {
                if (k > 0) what.append(", ");
                what.append(held.get(k).getKey()).append(' ').append(pct((double) held.get(k).getValue() / e.getValue()[0]));
            }
            out.add("building " + simple(parts[0]) + " objects in " + parts[1] + " allocated " + pct(share)
                    + " of all allocated bytes (" + what + " of them): one is built on every call. If it can be shared "
                    + "(no per-call state) or reset, build it once where the hot path starts (a field, or passed in) and reuse it");
        }
        return out;
    }

    private static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
