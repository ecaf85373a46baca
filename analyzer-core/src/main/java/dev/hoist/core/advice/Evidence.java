package dev.hoist.core.advice;

import dev.hoist.core.facts.Allocation;
import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Profile evidence for a finding: what the samples in its loop say about whether the pattern
 * really costs what the rule thinks. Each check reads the loop's samples (callee frames and how
 * the JIT ran them, receiver classes under a call site, allocation types and the methods between
 * an allocation site and the allocation) and returns the confidence it moves to plus one line per
 * fact it used, so the reader can see why. Checks are keyed by the stable rule ids; a rule with no
 * check keeps its static confidence and gets one line saying what the loop measured.
 */
final class Evidence {
    /** A method needs this many samples in the loop before "nothing was allocated" says anything. */
    static final long QUIET_SAMPLES = 20;

    /** What a check can look at. {@code query} and {@code facts} are null when the profile or bytes lack the method. */
    record Context(Profile profile, EventKind kind, Finding finding, MethodQuery query, BitSet loopBcis, LoopCost cost,
                   MethodFacts facts) {
    }

    record Outcome(Confidence confidence, List<String> lines) {
    }

    /** A Java frame directly under the loop method's frame (JIT stubs skipped), with how it was run. */
    record Callee(MethodRef method, FrameType type, long samples) {
    }

    private Evidence() {
    }

    static Outcome judge(Context c) {
        Confidence conf = c.finding().confidence();
        List<String> lines = new ArrayList<>();
        if (c.query() == null || !c.cost().sampled()) {
            lines.add("the profile has no samples in this loop");
            return new Outcome(conf, lines);
        }
        lines.add(measured(c));
        Confidence judged = switch (c.finding().rule()) {
            case "uninlinable-call-in-loop" -> callOverhead(c, conf, lines);
            case "megamorphic-call-in-loop" -> megamorphic(c, conf, lines);
            case "unsized-collection" -> allocCallees(c, conf, lines,
                    Set.of("java.util.ArrayList.grow", "java.util.HashMap.resize", "java.util.Arrays.copyOf",
                            "java.util.ArrayDeque.grow"), "the collection grew in the loop");
            case "boxing-in-loop" -> boxing(c, conf, lines);
            case "tuple-allocation-in-loop" -> tuple(c, conf, lines);
            case "copy-in-loop" -> allocCallees(c, conf, lines,
                    Set.of("java.util.Arrays.copyOf", "java.util.Arrays.copyOfRange", "java.lang.String.substring",
                            "java.lang.StringLatin1.newString", "java.lang.StringUTF16.newString", "java.lang.System.arraycopy",
                            "java.util.ArrayList.<init>", "java.lang.String.<init>"), "copies were allocated in the loop");
            case "string-concat-in-loop" -> allocCallees(c, conf, lines,
                    Set.of("java.lang.StringConcatHelper.newArray", "java.lang.StringConcatHelper.simpleConcat",
                            "java.lang.AbstractStringBuilder.ensureCapacityInternal", "java.util.Arrays.copyOf",
                            "java.lang.StringBuilder.toString", "java.lang.StringConcatHelper.newString"),
                    "the concatenation allocated in the loop");
            case "invariant-field-in-loop", "invariant-call-in-loop" -> maybeHoisted(c, conf, lines);
            case "reflection-in-loop" -> reflection(c, conf, lines);
            default -> conf;
        };
        return new Outcome(judged, lines);
    }

    private static String measured(Context c) {
        LoopCost k = c.cost();
        StringBuilder b = new StringBuilder("measured: ");
        if (k.totalSamples() > 0) {
            b.append(pct(k.inclusiveShare())).append(" of ").append(k.kind()).append(" samples in the loop (")
                    .append(k.inclusiveSamples()).append(", ").append(pct(k.selfShare())).append(" in the loop's own code)");
        }
        if (k.totalAllocBytes() > 0) {
            if (k.totalSamples() > 0) b.append("; ");
            b.append(pct(k.allocShare())).append(" of allocated bytes (").append(k.allocSamples()).append(" samples)");
        }
        String mode = jitMode(c);
        if (!mode.isEmpty()) b.append("; ").append(mode);
        return b.toString();
    }

    // ------------------------------------------------------------------------------- rule checks

    /** A call that stayed a real call (a compiled frame, not inlined) under the loop's call site confirms call overhead. */
    private static Confidence callOverhead(Context c, Confidence conf, List<String> lines) {
        List<Callee> callees = callees(c, callBcis(c, null));
        long compiled = 0;
        long inlined = 0;
        String name = null;
        for (Callee k : callees) {
            if (k.type() == FrameType.INLINED) inlined += k.samples();
            else if (k.type().isJava()) {
                compiled += k.samples();
                if (name == null) name = k.method().displayName();
            }
        }
        if (compiled > inlined) {
            lines.add("confirmed: " + simple(name) + " ran as a real call (not inlined) in " + compiled + " samples under the call site"
                    + (inlined > 0 ? " (inlined in " + inlined + ")" : ""));
            return Confidence.HIGH;
        }
        if (inlined > 0) {
            lines.add("lowered: the JIT inlined the call in most samples under the call site (" + inlined + " of "
                    + (inlined + compiled) + ")");
            return Advisor.lower(conf);
        }
        lines.add("no samples under the call site itself");
        return conf;
    }

    /** Receiver classes seen as callees of the site: three or more confirm it, one says the site is monomorphic in practice. */
    private static Confidence megamorphic(Context c, Confidence conf, List<String> lines) {
        String called = null;
        List<CallSite> sites = sitesAtLine(c);
        if (!sites.isEmpty()) called = sites.get(0).name();
        Set<String> receivers = new TreeSet<>();
        long samples = 0;
        for (Callee k : callees(c, callBcis(c, null))) {
            if (called != null && !k.method().name().equals(called)) continue;
            receivers.add(simple(k.method().className()));
            samples += k.samples();
        }
        if (receivers.size() >= 3) {
            lines.add("confirmed: the profile saw " + receivers.size() + " receiver implementations under the call site: "
                    + String.join(", ", receivers) + " (" + samples + " samples)");
            return Confidence.HIGH;
        }
        if (receivers.size() == 1) {
            lines.add("lowered: the profile saw only " + receivers.iterator().next() + " under the call site; the inline cache "
                    + "stays monomorphic");
            return Confidence.LOW;
        }
        if (receivers.size() == 2) {
            lines.add("the profile saw 2 receiver implementations (" + String.join(", ", receivers)
                    + "): bimorphic, which HotSpot still inlines");
            return conf;
        }
        lines.add("no callee samples under the call site");
        return conf;
    }

    private static Confidence allocCallees(Context c, Confidence conf, List<String> lines, Set<String> confirming, String what) {
        long loopBytes = Math.max(1, c.cost().allocBytes());
        for (MethodQuery.AllocStat a : c.query().allocationCallees(c.loopBcis())) {
            if (confirming.contains(a.name())) {
                lines.add("confirmed: " + what + ": " + simple(a.name()) + " under the loop allocated "
                        +  pct(Math.min(1.0, (double) a.bytes() / loopBytes)) + " of the loop's bytes (" + a.samples() + " samples)");
                return Confidence.HIGH;
            }
        }
        return noAllocation(c, conf, lines);
    }

    private static Confidence boxing(Context c, Confidence conf, List<String> lines) {
        for (MethodQuery.AllocStat a : c.query().allocationCallees(c.loopBcis())) {
            if (a.name().startsWith("java.lang.") && a.name().endsWith(".valueOf") && isBox(a.name().substring(10, a.name().length() - 8))) {
                lines.add("confirmed: " + simple(a.name()) + " allocated under the loop: " + a.samples() + " samples, "
                        + pct(Math.min(1.0, (double) a.bytes() / Math.max(1, c.cost().allocBytes()))) + " of the loop's bytes");
                return Confidence.HIGH;
            }
        }
        for (MethodQuery.AllocStat a : c.query().allocationsByType(c.loopBcis())) {
            if (a.name().startsWith("java.lang.") && isBox(a.name().substring(10))) {
                lines.add("confirmed: " + a.samples() + " allocation samples of " + simple(a.name()) + " in the loop");
                return Confidence.HIGH;
            }
        }
        return noAllocation(c, conf, lines);
    }

    /** Allocation samples of the tuple's type confirm it; none under a busy loop means escape analysis removed it. */
    private static Confidence tuple(Context c, Confidence conf, List<String> lines) {
        Set<String> types = new TreeSet<>();
        if (c.facts() != null) {
            for (Allocation a : c.facts().allocations()) {
                if (a.line() == c.finding().line()) types.add(typeName(a.type()));
            }
            // a tuple made by a factory (Span.of(a, b)) is allocated in the callee: its type is the call's result
            for (CallSite s : sitesAtLine(c)) {
                org.objectweb.asm.Type r = org.objectweb.asm.Type.getReturnType(s.descriptor());
                if (r.getSort() == org.objectweb.asm.Type.OBJECT || r.getSort() == org.objectweb.asm.Type.ARRAY) {
                    types.add(typeName(r.getSort() == org.objectweb.asm.Type.OBJECT ? r.getInternalName() : r.getDescriptor()));
                }
            }
        }
        for (MethodQuery.AllocStat a : c.query().allocationsByType(c.loopBcis())) {
            if (types.contains(a.name())) {
                lines.add("confirmed: " + a.samples() + " allocation samples of " + simple(a.name()) + " in the loop");
                return Confidence.HIGH;
            }
        }
        if (allocationsRecorded(c) && c.cost().inclusiveSamples() >= QUIET_SAMPLES) {
            lines.add("lowered: no allocation samples of " + (types.isEmpty() ? "the tuple" : String.join(", ", types)) + " in "
                    + c.cost().inclusiveSamples() + " samples of the loop: escape analysis probably removed the allocation");
            return Advisor.lower(conf);
        }
        return conf;
    }

    /** C2 compiled the loop and inlined the call: it may well hoist the load itself. */
    private static Confidence maybeHoisted(Context c, Confidence conf, List<String> lines) {
        Map<FrameType, Long> own = ownFrameTypes(c);
        long total = own.values().stream().mapToLong(Long::longValue).sum();
        long c2 = own.getOrDefault(FrameType.JIT_COMPILED, 0L) + own.getOrDefault(FrameType.INLINED, 0L);
        if (total == 0) return conf;
        if (c.finding().rule().equals("invariant-call-in-loop")) {
            long compiled = 0;
            long inlined = 0;
            String name = null;
            for (Callee k : callees(c, callBcis(c, null))) {
                if (k.type() == FrameType.INLINED) {
                    inlined += k.samples();
                } else {
                    compiled += k.samples();
                    if (name == null) name = k.method().displayName();
                }
            }
            // a real call in most of the samples under the site, not a stray deoptimised moment
            if (compiled > inlined) {
                lines.add("confirmed: " + simple(name) + " ran as a real call (not inlined) in " + compiled
                        + " samples under the call site: the JIT cannot hoist what it does not inline");
                return Confidence.HIGH;
            }
        }
        if (c2 * 10 >= total * 9) {
            lines.add("lowered: the loop ran C2-compiled in " + pct((double) c2 / total) + " of its samples"
                    + (c.finding().rule().equals("invariant-call-in-loop") ? " with the call inlined" : "")
                    + "; C2 may already hoist it");
            return Advisor.lower(conf);
        }
        long slow = own.getOrDefault(FrameType.INTERPRETED, 0L) + own.getOrDefault(FrameType.C1_COMPILED, 0L);
        if (slow * 2 >= total) {
            lines.add("the loop ran interpreted or C1-compiled in " + pct((double) slow / total)
                    + " of its samples, where nothing is hoisted");
        }
        return conf;
    }

    private static Confidence reflection(Context c, Confidence conf, List<String> lines) {
        for (Callee k : callees(c, callBcis(c, null))) {
            String n = k.method().className();
            if (n.startsWith("java.lang.reflect.") || n.startsWith("jdk.internal.reflect.")) {
                lines.add("confirmed: " + simple(k.method().displayName()) + " sampled under the call site (" + k.samples() + " samples)");
                return Confidence.HIGH;
            }
        }
        return conf;
    }

    // ------------------------------------------------------------------------------- helpers

    private static Confidence noAllocation(Context c, Confidence conf, List<String> lines) {
        if (!allocationsRecorded(c)) {
            lines.add("the recording has no allocation samples to confirm it");
            return conf;
        }
        if (c.cost().allocSamples() == 0 && c.cost().inclusiveSamples() >= QUIET_SAMPLES) {
            lines.add("lowered: no allocation samples in the loop in " + c.cost().inclusiveSamples()
                    + " samples of it: the JIT probably removed the allocation");
            return Advisor.lower(conf);
        }
        return conf;
    }

    private static boolean allocationsRecorded(Context c) {
        return c.cost().totalAllocBytes() > 0;
    }

    private static boolean isBox(String simple) {
        return switch (simple) {
            case "Integer", "Long", "Short", "Byte", "Character", "Double", "Float", "Boolean" -> true;
            default -> false;
        };
    }

    /** Call sites on the finding's line inside its loop. */
    private static List<CallSite> sitesAtLine(Context c) {
        List<CallSite> out = new ArrayList<>();
        if (c.facts() == null) return out;
        for (CallSite s : c.facts().calls()) {
            if (s.line() == c.finding().line() && c.loopBcis().get(c.facts().bci(s.insn()))) out.add(s);
        }
        return out;
    }

    /** The bcis of the call sites on the finding's line, or the whole loop when the bytes do not say. */
    private static BitSet callBcis(Context c, String name) {
        BitSet b = new BitSet();
        for (CallSite s : sitesAtLine(c)) {
            if (name == null || s.name().equals(name)) b.set(c.facts().bci(s.insn()));
        }
        return b.isEmpty() ? c.loopBcis() : b;
    }

    /**
     * Java frames right under the loop method's innermost frame at one of the bcis. Native and
     * JIT-stub frames (itable/vtable stubs) are skipped: the receiver's body is the frame below them.
     */
    static List<Callee> callees(Context c, BitSet bcis) {
        Profile p = c.profile();
        int method = p.methodIndex(methodRef(c));
        Map<String, long[]> acc = new LinkedHashMap<>();
        Map<String, Callee> keys = new LinkedHashMap<>();
        if (method < 0 || c.kind() == null) return List.of();
        long[] weights = stackWeights(p, c.kind());
        for (int s : p.stacksContaining(method)) {
            if (weights[s] == 0) continue;
            int[] frames = p.stackFrames(s);
            int k = innermost(p, frames, method);
            Frame own = p.frame(frames[k]);
            if (own.bci() < 0 || !bcis.get(own.bci())) continue;
            for (int j = k - 1; j >= 0; j--) {
                Frame f = p.frame(frames[j]);
                if (f.type().isJava() && !f.method().className().isEmpty()) {
                    String key = f.method() + "|" + f.type();
                    keys.putIfAbsent(key, new Callee(f.method(), f.type(), 0));
                    acc.computeIfAbsent(key, x -> new long[1])[0] += weights[s];
                    break;
                }
            }
        }
        List<Callee> out = new ArrayList<>();
        keys.forEach((key, callee) -> out.add(new Callee(callee.method(), callee.type(), acc.get(key)[0])));
        out.sort((a, b) -> Long.compare(b.samples(), a.samples()));
        return out;
    }

    /** How the JIT ran the loop method's own frame in the loop's samples. */
    static Map<FrameType, Long> ownFrameTypes(Context c) {
        Profile p = c.profile();
        int method = p.methodIndex(methodRef(c));
        Map<FrameType, Long> out = new EnumMap<>(FrameType.class);
        if (method < 0 || c.kind() == null) return out;
        long[] weights = stackWeights(p, c.kind());
        for (int s : p.stacksContaining(method)) {
            if (weights[s] == 0) continue;
            int[] frames = p.stackFrames(s);
            Frame own = p.frame(frames[innermost(p, frames, method)]);
            if (own.bci() >= 0 && c.loopBcis().get(own.bci())) out.merge(own.type(), weights[s], Long::sum);
        }
        return out;
    }

    private static String jitMode(Context c) {
        Map<FrameType, Long> own = ownFrameTypes(c);
        long total = own.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) return "";
        long c2 = own.getOrDefault(FrameType.JIT_COMPILED, 0L) + own.getOrDefault(FrameType.INLINED, 0L);
        long c1 = own.getOrDefault(FrameType.C1_COMPILED, 0L);
        long interp = own.getOrDefault(FrameType.INTERPRETED, 0L);
        List<String> parts = new ArrayList<>();
        if (c2 > 0) parts.add(pct((double) c2 / total) + " compiled");
        if (c1 > 0) parts.add(pct((double) c1 / total) + " C1");
        if (interp > 0) parts.add(pct((double) interp / total) + " interpreted");
        return parts.isEmpty() ? "" : "the loop ran " + String.join(", ", parts);
    }

    private static MethodRef methodRef(Context c) {
        Profile p = c.profile();
        Finding f = c.finding();
        MethodRef exact = new MethodRef(f.className(), f.method(), f.descriptor());
        if (p.methodIndex(exact) >= 0) return exact;
        return new MethodRef(f.className(), f.method(), "");
    }

    private static int innermost(Profile p, int[] frames, int method) {
        for (int j = 0; j < frames.length; j++) {
            if (p.frame(frames[j]).methodIndex() == method) return j;
        }
        return -1;
    }

    private static final Map<Profile, Map<EventKind, long[]>> WEIGHTS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static long[] stackWeights(Profile p, EventKind kind) {
        return WEIGHTS.computeIfAbsent(p, x -> new EnumMap<>(EventKind.class)).computeIfAbsent(kind, k -> {
            long[] w = new long[p.stackCount()];
            for (int i = 0, n = p.size(); i < n; i++) {
                if (p.kind(i) == k) w[p.stack(i)] += p.weight(i);
            }
            return w;
        });
    }

    /** "java/lang/Integer" or "[I" as the profile names allocated types: "java.lang.Integer", "int[]". */
    static String typeName(String internalOrDescriptor) {
        String t = internalOrDescriptor;
        int dims = 0;
        while (t.startsWith("[")) {
            dims++;
            t = t.substring(1);
        }
        if (dims > 0) {
            t = switch (t) {
                case "I" -> "int";
                case "J" -> "long";
                case "D" -> "double";
                case "F" -> "float";
                case "Z" -> "boolean";
                case "B" -> "byte";
                case "C" -> "char";
                case "S" -> "short";
                default -> t.startsWith("L") ? t.substring(1, t.length() - 1) : t;
            };
        }
        return t.replace('/', '.') + "[]".repeat(dims);
    }

    static String simple(String name) {
        if (name == null) return "?";
        // "java.util.ArrayList.grow" -> "ArrayList.grow"; "dev.x.Foo$Bar" -> "Foo$Bar"
        String[] parts = name.split("\\.");
        int firstUpper = -1;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                firstUpper = i;
                break;
            }
        }
        return firstUpper <= 0 ? name : String.join(".", java.util.Arrays.copyOfRange(parts, firstUpper, parts.length));
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
