package dev.hoist.core.compare;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.facts.BytecodeOffsets;
import dev.hoist.core.facts.CalleeResolver;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two recordings side by side, so a user sees that a fix took a method's or a loop's cost down:
 * per method, the self and total share of one event kind before and after; per loop (when class
 * bytes are given), the share of samples whose frame in the loop's method has a bytecode index in
 * the loop, and the share of allocated bytes at sites in the loop. A loop is identified by
 * {@code class.method} and its source line range, so the same loop is found in both recordings
 * even when each side's loops come from its own version of the class. Shares are of each
 * recording's own total, which makes recordings of different lengths comparable.
 */
public final class ProfileDiff {

    /** One method's shares (0..1) before and after; a method absent on one side has 0 there. */
    public record MethodChange(MethodRef method, double selfBefore, double selfAfter, double totalBefore, double totalAfter) {
        public double selfChange() {
            return selfAfter - selfBefore;
        }

        public double totalChange() {
            return totalAfter - totalBefore;
        }

        /** What the rows are sorted by: the larger of the two changes, in absolute value. */
        public double magnitude() {
            return Math.max(Math.abs(selfChange()), Math.abs(totalChange()));
        }
    }

    /**
     * One loop's shares (0..1) before and after: {@code share} counts samples at a bci in the loop
     * with callees (inclusive), {@code selfShare} those with the loop's method running, {@code alloc}
     * the allocated bytes at sites in the loop. {@code presentBefore}/{@code presentAfter} say whether
     * the side's bytecode had this loop at all.
     */
    public record LoopChange(String className, String method, String descriptor, int firstLine, int lastLine,
                             double before, double after, double selfBefore, double selfAfter,
                             double allocBefore, double allocAfter, boolean presentBefore, boolean presentAfter) {
        public double change() {
            return after - before;
        }

        public double allocChange() {
            return allocAfter - allocBefore;
        }

        /** {@code pkg.Class.method lines a-b}: the identity of the loop across the two recordings. */
        public String key() {
            return className + "." + method + " lines " + firstLine + "-" + lastLine;
        }
    }

    /** The whole comparison; {@code unavailable} names hot methods whose bytecode was not found. */
    public record Result(EventKind kind, long samplesBefore, long samplesAfter, List<MethodChange> methods,
                         List<LoopChange> loops, List<String> unavailable) {}

    /** Methods whose total share is below this on both sides get no loop analysis: they cannot matter. */
    static final double LOOP_THRESHOLD = 0.005;
    static final int MAX_LOOP_METHODS = 60;

    private ProfileDiff() {
    }

    /**
     * Compares the recordings by {@code kind}. {@code before}/{@code after} lookups give the class
     * bytes for each side (the same lookup twice when the code did not change, or none: no loops).
     */
    public static Result compare(Profile before, Profile after, EventKind kind, ClassLookup beforeClasses,
                                 ClassLookup afterClasses) {
        MethodStats b = MethodStats.of(before, kind);
        MethodStats a = MethodStats.of(after, kind);
        Map<String, double[]> shares = new LinkedHashMap<>();
        Map<String, MethodRef> refs = new HashMap<>();
        Set<MethodRef> java = javaMethods(before);
        java.addAll(javaMethods(after));
        collect(b, shares, refs, 0);
        collect(a, shares, refs, 2);
        List<MethodChange> methods = new ArrayList<>();
        shares.forEach((key, v) -> methods.add(new MethodChange(refs.get(key), v[0], v[2], v[1], v[3])));
        methods.sort(Comparator.comparingDouble(MethodChange::magnitude).reversed()
                .thenComparing(m -> m.method().toString()));
        List<LoopChange> loops = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        if (beforeClasses != null || afterClasses != null) {
            loops(before, after, kind, beforeClasses, afterClasses, methods, java, loops, unavailable);
        }
        return new Result(kind, b.grandTotal(), a.grandTotal(), methods, loops, unavailable);
    }

    private static void collect(MethodStats stats, Map<String, double[]> shares, Map<String, MethodRef> refs, int at) {
        long total = stats.grandTotal();
        if (total == 0) {
            return;
        }
        for (MethodStats.MethodStat s : stats.bySelf()) {
            String key = stableName(s.method());
            refs.putIfAbsent(key, s.method());
            double[] v = shares.computeIfAbsent(key, k -> new double[4]);
            // a lambda's hidden classes of one run may merge after their addresses are cut off
            v[at] += (double) s.self() / total;
            v[at + 1] += (double) s.total() / total;
        }
    }

    private static final java.util.regex.Pattern HIDDEN_SUFFIX = java.util.regex.Pattern.compile("\\.0x[0-9a-fA-F]+");

    /**
     * The method's name without the addresses the JVM gives hidden classes
     * ({@code Runner$$Lambda$5.0x00007fd1d4001c30}): they differ in every run, so they would
     * split one lambda into two rows, one that vanished and one that appeared.
     */
    public static String stableName(MethodRef m) {
        return HIDDEN_SUFFIX.matcher(m.toString()).replaceAll("");
    }

    /** {@link #stableName} without the descriptor. */
    public static String stableDisplayName(MethodRef m) {
        return HIDDEN_SUFFIX.matcher(m.displayName()).replaceAll("");
    }

    /** Hidden classes (lambdas, method handles) have no bytes on any class path. */
    static boolean isHidden(MethodRef m) {
        return HIDDEN_SUFFIX.matcher(m.className()).find();
    }

    private static Set<MethodRef> javaMethods(Profile p) {
        Set<MethodRef> out = new java.util.HashSet<>();
        for (int f = 0; f < p.frameCount(); f++) {
            if (p.frame(f).type().isJava()) {
                out.add(p.frame(f).method());
            }
        }
        return out;
    }

    private record Side(Profile profile, ClassLookup classes, long total, long allocTotal,
                        Map<String, CalleeResolver> resolvers) {}

    private static void loops(Profile before, Profile after, EventKind kind, ClassLookup bc, ClassLookup ac,
                              List<MethodChange> methods, Set<MethodRef> java, List<LoopChange> out,
                              List<String> unavailable) {
        Side sb = new Side(before, bc, MethodStats.of(before, kind).grandTotal(), allocTotal(before), new HashMap<>());
        Side sa = new Side(after, ac, MethodStats.of(after, kind).grandTotal(), allocTotal(after), new HashMap<>());
        // one method name (class.name) may appear with several descriptors; each is its own bytecode
        Set<String> done = new LinkedHashSet<>();
        int analyzed = 0;
        for (MethodChange m : methods) {
            if (analyzed >= MAX_LOOP_METHODS) {
                break;
            }
            MethodRef ref = m.method();
            if (ref.className().isEmpty() || !java.contains(ref) || isHidden(ref) || Math.max(m.totalBefore(), m.totalAfter()) < LOOP_THRESHOLD
                    || !done.add(ref.toString())) {
                continue;
            }
            analyzed++;
            Map<String, double[]> byLoop = new LinkedHashMap<>();
            Map<String, String[]> ids = new HashMap<>();
            boolean anyBytes = false;
            for (int side = 0; side < 2; side++) {
                Side s = side == 0 ? sb : sa;
                if (s.classes() == null) {
                    continue;
                }
                Optional<Found> found = facts(s, ref);
                if (found.isEmpty()) {
                    continue;
                }
                anyBytes = true;
                if (found.get().facts() == null) {
                    continue;
                }
                Optional<MethodFacts> facts = Optional.of(found.get().facts());
                MethodRef sideRef = find(s.profile(), ref);
                MethodQuery q = sideRef == null ? null : MethodQuery.of(s.profile(), sideRef);
                for (Loop loop : facts.get().loops()) {
                    String key = loop.firstLine() + "-" + loop.lastLine();
                    ids.putIfAbsent(key, new String[] {facts.get().descriptor(), Integer.toString(loop.firstLine()),
                            Integer.toString(loop.lastLine())});
                    double[] v = byLoop.computeIfAbsent(key, k -> new double[8]);
                    v[6 + side] = 1; // this side's bytecode has the loop
                    if (q == null) {
                        continue;
                    }
                    BitSet bcis = new BitSet();
                    for (int bci : loop.bcis()) {
                        bcis.set(bci);
                    }
                    MethodQuery.LoopSamples ls = q.samples(kind, bcis);
                    v[side] = s.total() == 0 ? 0 : (double) ls.inclusive() / s.total();
                    v[2 + side] = s.total() == 0 ? 0 : (double) ls.self() / s.total();
                    long bytes = q.allocationsByType(bcis).stream().mapToLong(MethodQuery.AllocStat::bytes).sum();
                    v[4 + side] = s.allocTotal() == 0 ? 0 : (double) bytes / s.allocTotal();
                }
            }
            if (!anyBytes) {
                unavailable.add(ref.displayName() + ref.descriptor() + ": class bytes not found on the class path");
                continue;
            }
            byLoop.forEach((key, v) -> {
                if (v[0] == 0 && v[1] == 0 && v[4] == 0 && v[5] == 0) {
                    return; // a loop no sample of either run was in says nothing about the change
                }
                String[] id = ids.get(key);
                out.add(new LoopChange(ref.className(), ref.name(), id[0], Integer.parseInt(id[1]), Integer.parseInt(id[2]),
                        v[0], v[1], v[2], v[3], v[4], v[5], v[6] > 0, v[7] > 0));
            });
        }
        out.sort(Comparator.comparingDouble((LoopChange l) -> Math.max(Math.abs(l.change()), Math.abs(l.allocChange())))
                .reversed().thenComparing(LoopChange::key));
    }

    private static long allocTotal(Profile p) {
        long sum = 0;
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) == EventKind.ALLOC) {
                sum += p.weight(i);
            }
        }
        return sum;
    }

    /** The same method in a profile: same class and name, and the same descriptor when both have one. */
    private static MethodRef find(Profile p, MethodRef ref) {
        if (p.methodIndex(ref) >= 0) {
            return ref;
        }
        for (MethodRef m : p.methods()) {
            if (m.className().equals(ref.className()) && m.name().equals(ref.name())
                    && (m.descriptor().isEmpty() || ref.descriptor().isEmpty() || m.descriptor().equals(ref.descriptor()))) {
                return m;
            }
        }
        return null;
    }

    /** The method's bytecode was found; {@code facts} is null when it cannot contain a loop. */
    private record Found(MethodFacts facts) {}

    private static Optional<Found> facts(Side s, MethodRef ref) {
        String internal = ref.className().replace('.', '/');
        Optional<byte[]> bytes;
        try {
            bytes = s.classes().classBytes(internal);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            ClassNode cn = new ClassNode();
            new ClassReader(bytes.get()).accept(cn, ClassReader.SKIP_FRAMES);
            BytecodeOffsets offsets = BytecodeOffsets.read(bytes.get());
            CalleeResolver resolver = s.resolvers().computeIfAbsent("", k -> new CalleeResolver(s.classes()));
            resolver.register(cn, bytes.get());
            for (MethodNode m : cn.methods) {
                if (m.name.equals(ref.name()) && (ref.descriptor().isEmpty() || m.desc.equals(ref.descriptor()))) {
                    if (!MethodFacts.mayHaveLoop(m)) {
                        return Optional.of(new Found(null));
                    }
                    return Optional.of(new Found(MethodFacts.of(cn, m, offsets, resolver)));
                }
            }
        } catch (Exception e) {
            // bytes that ASM cannot analyze give no loops for this method, like bytes that are missing
            return Optional.empty();
        }
        return Optional.empty();
    }
}
