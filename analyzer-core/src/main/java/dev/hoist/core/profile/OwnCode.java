package dev.hoist.core.profile;

import dev.hoist.core.classes.JdkClasses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in the application's own code the samples of one kind go: each sample is charged to the
 * innermost frame on its stack that is the application's (not the JDK's, not a VM or native frame),
 * at that frame's line, so the time {@code String.indexOf} spends for a parsing loop counts for the
 * loop's line, where it can be changed. A stack with no such frame (JIT compiler, GC, JDK threads)
 * stays with its running method. What {@code hoist attach} lists as the hot code; the flat self
 * ranking ({@link MethodStats#bySelf()}) stays the report's.
 */
public final class OwnCode {

    /**
     * One method of the application with the samples charged to it.
     *
     * @param method  the method
     * @param own     whether it is the application's (false: a stack without application frames)
     * @param charged samples (weights) charged to it
     * @param line    the line most of them were charged at, 0 when unknown
     * @param total   weights of the samples with the method anywhere on the stack
     */
    public record Site(MethodRef method, boolean own, long charged, int line, long total) {
    }

    private final long grandTotal;
    private final List<Site> sites;

    private OwnCode(long grandTotal, List<Site> sites) {
        this.grandTotal = grandTotal;
        this.sites = List.copyOf(sites);
    }

    /** The application's methods by the {@code kind} samples charged to them, most first. */
    public static OwnCode of(Profile p, EventKind kind) {
        long[] stackWeight = new long[p.stackCount()];
        long sum = 0;
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) == kind) {
                stackWeight[p.stack(i)] += p.weight(i);
                sum += p.weight(i);
            }
        }
        Map<Integer, long[]> charged = new HashMap<>();
        Map<Integer, Map<Integer, Long>> lines = new HashMap<>();
        Map<Integer, Boolean> own = new HashMap<>();
        for (int s = 0; s < stackWeight.length; s++) {
            long w = stackWeight[s];
            if (w == 0) {
                continue;
            }
            int[] frames = p.stackFrames(s);
            if (frames.length == 0) {
                continue;
            }
            Frame at = null;
            for (int f : frames) {
                Frame fr = p.frame(f);
                if (isOwn(fr)) {
                    at = fr;
                    break;
                }
            }
            boolean mine = at != null;
            if (at == null) {
                at = p.frame(frames[0]);
            }
            charged.computeIfAbsent(at.methodIndex(), k -> new long[1])[0] += w;
            lines.computeIfAbsent(at.methodIndex(), k -> new HashMap<>()).merge(at.line(), w, Long::sum);
            own.put(at.methodIndex(), mine);
        }
        MethodStats stats = MethodStats.of(p, kind);
        List<Site> out = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : charged.entrySet()) {
            int line = lines.get(e.getKey()).entrySet().stream().filter(l -> l.getKey() > 0)
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
            out.add(new Site(p.method(e.getKey()), own.get(e.getKey()), e.getValue()[0], line,
                    stats.method(e.getKey()).total()));
        }
        out.sort(Comparator.comparingLong(Site::charged).reversed().thenComparing(s -> s.method().displayName()));
        return new OwnCode(sum, out);
    }

    private static boolean isOwn(Frame f) {
        String c = f.method().className();
        // as HotMethods: a frame of unknown type whose class has a package is a Java frame
        boolean java = f.type().isJava() || (f.type() == FrameType.UNKNOWN && c.contains("."));
        return java && !c.isEmpty() && !JdkClasses.isJdk(c) && !JdkClasses.isGenerated(c);
    }

    /** All samples of the kind: the denominator of the shares. */
    public long grandTotal() {
        return grandTotal;
    }

    /** Most charged first. */
    public List<Site> sites() {
        return sites;
    }
}
