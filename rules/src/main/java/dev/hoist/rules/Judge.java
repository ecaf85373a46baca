package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.SiteProfile;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile checks several rules share, each reading only the finding's site: a call that stayed
 * a real call, receiver classes under a call, allocations of given types or through given methods,
 * and a loop the JIT compiled well enough to remove the cost itself.
 */
final class Judge {
    /** A site needs this many samples before "nothing was allocated here" says anything. */
    static final long QUIET_SAMPLES = 20;

    private Judge() {
    }

    /** A callee that ran as a real (compiled, not inlined) call under the site in most samples confirms call overhead. */
    static Judgement realCall(Finding f, SiteProfile p, String why) {
        long compiled = 0;
        long inlined = 0;
        String name = null;
        for (SiteProfile.Callee k : p.callees()) {
            if (k.type() == FrameType.INLINED) {
                inlined += k.samples();
            } else {
                compiled += k.samples();
                if (name == null) name = k.method().displayName();
            }
        }
        if (compiled > inlined) {
            return Judgement.confirmed(simple(name) + " ran as a real call (not inlined) in " + compiled
                    + " samples under the call site" + (inlined > 0 ? " (inlined in " + inlined + ")" : "") + why);
        }
        if (inlined > 0) {
            return Judgement.jitRemoves(f.confidence(), "the JIT inlined the call in most samples under the call site ("
                    + inlined + " of " + (inlined + compiled) + ")");
        }
        return Judgement.undecided(f.confidence(), "no Java frames under the call site itself");
    }

    /** Allocations through one of {@code confirming} (ArrayList.grow, String.substring...) at the site confirm it. */
    static Judgement allocatedThrough(Finding f, SiteProfile p, Set<String> confirming, String what) {
        long siteBytes = Math.max(1, p.allocBytes());
        for (SiteProfile.Alloc a : p.allocatingMethods()) {
            if (confirming.contains(a.name())) {
                return Judgement.confirmed(what + ": " + simple(a.name()) + " at the site allocated "
                        + pct(Math.min(1.0, (double) a.bytes() / siteBytes)) + " of the site's bytes (" + a.samples() + " samples)");
            }
        }
        return noAllocation(f, p);
    }

    /** Allocation samples of one of {@code types} at the site confirm it. */
    static Judgement allocatedType(Finding f, SiteProfile p, Set<String> types, String what) {
        for (SiteProfile.Alloc a : p.allocatedTypes()) {
            if (types.contains(a.name())) {
                return Judgement.confirmed(a.samples() + " allocation samples of " + simple(a.name()) + " at the site" + what);
            }
        }
        return noAllocation(f, p);
    }

    /** A busy site with no allocation samples at all: escape analysis (or another JIT step) removed the allocation. */
    static Judgement noAllocation(Finding f, SiteProfile p) {
        if (!p.allocationsRecorded()) {
            return Judgement.undecided(f.confidence(), "the recording has no allocation samples to confirm it");
        }
        if (p.allocSamples() == 0 && p.samples() >= QUIET_SAMPLES) {
            return Judgement.jitRemoves(f.confidence(), "no allocation samples at the site in " + p.samples()
                    + " samples of it: the JIT probably removed the allocation");
        }
        return Judgement.undecided(f.confidence());
    }

    /**
     * The loop ran C2-compiled in nine samples of ten or more and nothing in it keeps C2 from hoisting:
     * C2 most likely hoists the load or call itself. A loop that ran interpreted or C1-compiled
     * keeps the static confidence, and says so.
     */
    static Judgement hoistedByC2(Finding f, SiteProfile p) {
        Map<FrameType, Long> own = p.loopFrameTypes();
        long total = own.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) return Judgement.undecided(f.confidence());
        Loop loop = loop(f, p.facts());
        if (loop != null && loop.hasOpaqueCall() && loop.opaqueCallCertain()) {
            return Judgement.undecided(f.confidence(), "the loop contains " + loop.opaqueCallText()
                    + ", which C2 cannot move a load across");
        }
        long c2 = own.getOrDefault(FrameType.JIT_COMPILED, 0L) + own.getOrDefault(FrameType.INLINED, 0L);
        if (c2 * 10 >= total * 9) {
            return Judgement.jitRemoves(f.confidence(), "the loop ran C2-compiled in " + pct((double) c2 / total)
                    + " of its samples with nothing in it that stops C2 from hoisting; C2 most likely hoists it already");
        }
        long slow = own.getOrDefault(FrameType.INTERPRETED, 0L) + own.getOrDefault(FrameType.C1_COMPILED, 0L);
        if (slow * 2 >= total) {
            return Judgement.undecided(f.confidence(), "the loop ran interpreted or C1-compiled in " + pct((double) slow / total)
                    + " of its samples, where nothing is hoisted");
        }
        return Judgement.undecided(f.confidence());
    }

    /** The finding's loop in the method's facts, found by its first bytecode index. */
    static Loop loop(Finding f, MethodFacts facts) {
        if (facts == null || f.loopBcis().length == 0) return null;
        for (Loop l : facts.loops()) {
            if (l.firstBci() == f.loopBcis()[0] && l.lastBci() == f.loopBcis()[f.loopBcis().length - 1]) return l;
        }
        return null;
    }

    /** The receiver classes seen under the site's call of {@code name} (any name when null). */
    static Set<String> receivers(SiteProfile p, String name) {
        Set<String> out = new TreeSet<>();
        for (SiteProfile.Callee k : p.callees()) {
            if (name == null || name.equals(k.method().name())) out.add(simple(k.method().className()));
        }
        return out;
    }

    /** The name of the first call at the site, or null. */
    static String calledName(SiteProfile p) {
        for (CallSite c : p.siteCalls()) return c.name();
        return null;
    }

    static String simple(String name) {
        if (name == null) return "?";
        // "java.util.ArrayList.grow" -> "ArrayList.grow"; "dev.x.Foo$Bar" -> "Foo$Bar"
        String[] parts = name.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return i == 0 ? name : String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
            }
        }
        return name;
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

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
