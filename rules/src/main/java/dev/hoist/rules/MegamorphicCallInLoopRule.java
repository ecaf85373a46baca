package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;

/** An interface or virtual call in a loop that can reach three or more implementations on the analyzed class path. */
public final class MegamorphicCallInLoopRule implements Rule {
    @Override
    public String id() {
        return "megamorphic-call-in-loop";
    }

    @Override
    public String title() {
        return "Virtual or interface call with many possible targets in a loop";
    }

    @Override
    public String mechanism() {
        return "HotSpot's inline caches handle one or two receiver classes at a call site (inlining both); when the "
                + "profile sees three or more, the site becomes megamorphic: a vtable or itable dispatch per call, no "
                + "inlining, and no optimisation across the call. The class path only says how many targets are "
                + "possible; the profile says how many are really seen.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (CallSite c : loop.calls()) {
                if (c.opcode() != Opcodes.INVOKEINTERFACE && c.opcode() != Opcodes.INVOKEVIRTUAL) continue;
                int impls = c.callee().implementations();
                if (impls < 3) continue;
                // hasNext/next of a for-each over a JDK type: one iterator class per site in most programs.
                if (loop.isIteratorProtocol(c) && Names.jdk(c.owner())) continue;
                String target = Names.simple(c.owner()) + "." + c.name() + "()";
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(30)
                        .confidence(Confidence.LOW)
                        .message(target + " has " + impls + " implementations on the analyzed class path, which is weak evidence: "
                                + "most call sites see only one or two receiver classes at run time, and C2 inlines those. The "
                                + "profile decides: if " + loop.where()
                                + " sees three or more receiver classes here, every call is an un-inlined "
                                + (c.opcode() == Opcodes.INVOKEINTERFACE ? "itable" : "vtable")
                                + " dispatch; then test the type before the call (one instanceof per class, as below), so each "
                                + "call has one receiver class and is inlined, in the elements' order; or, where the order does "
                                + "not matter, keep each class's elements in their own array with a loop each.")
                        .fix("for (...) {\n    ... " + Names.call(c) + " ...\n}", typeTests(facts, c))
                        .rewrite(Names.call(c), null)
                        .build());
            }
        }
        return out;
    }

    /**
     * The fix with the receiver classes the profile saw under the call, most sampled first, in place
     * of the class path's first few (Commons Text's aggregate of translators had been told to test
     * for four classes, none of them the three it ran); null when the call or the classes cannot be
     * found in the finding's facts.
     */
    private static dev.hoist.core.rule.Fix seenFix(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        MethodFacts facts = finding.facts();
        if (facts == null || finding.insn() < 0 || finding.fix() == null) return null;
        CallSite call = null;
        for (Loop l : facts.loops()) {
            if (call == null) call = l.call(finding.insn());
        }
        if (call == null) return null;
        java.util.Map<String, Long> bySamples = new java.util.HashMap<>();
        for (dev.hoist.core.rule.SiteProfile.Callee k : site.callees()) {
            if (call.name().equals(k.method().name())) bySamples.merge(Judge.simple(k.method().className()), k.samples(), Long::sum);
        }
        List<String> seen = new java.util.ArrayList<>();
        for (String k : facts.implementingClasses(call)) {
            if (nameable(k) && bySamples.containsKey(Judge.simple(k.replace('/', '.')))) seen.add(k);
        }
        if (seen.size() < 3) return null;
        seen.sort(java.util.Comparator.comparingLong((String k) -> bySamples.get(Judge.simple(k.replace('/', '.')))).reversed());
        dev.hoist.core.rule.Fix f = finding.fix();
        return new dev.hoist.core.rule.Fix(f.before(), typeTests(facts, call, seen), f.expression(), f.replacement());
    }

    /**
     * The measured fix of the twin pair (CartTotalFixed): one type test per class that holds a
     * body, each branch calling through the concrete type, the last one left as it was. The
     * classes are the analyzed path's; the profile says which of them this site really sees.
     */
    private static String typeTests(MethodFacts facts, CallSite c) {
        return typeTests(facts, c, null);
    }

    /** {@code seen}: the classes the profile saw, each tested (up to four, the rest to the last branch); null for the class path's. */
    private static String typeTests(MethodFacts facts, CallSite c, List<String> seen) {
        String type = Names.simple(c.owner());
        // a receiver the source cannot name is declared as a pattern ("= ..."), never as half-made code
        String receiver = c.receiver().nameable() ? c.receiver().text() : "...";
        String local = Names.decapitalize(type);
        boolean simple = receiver.matches("[A-Za-z_$][\\w$]*");
        String v = simple ? receiver : local;
        // an anonymous or local class has no name to test against
        // nor does testing the receiver against its own declared type (always true) split anything
        String declared = c.owner().replace('/', '.');
        List<String> classes = facts.implementingClasses(c).stream()
                .filter(k -> nameable(k) && !k.replace('/', '.').equals(declared)).toList();
        StringBuilder b = new StringBuilder("for (...) {\n");
        if (!simple) b.append("    ").append(type).append(' ').append(v).append(" = ").append(receiver).append(";\n");
        b.append("    // one type test per class: each call below has one receiver class, so C2 inlines it\n");
        List<String> named = seen != null ? seen.subList(0, Math.min(seen.size(), 4))
                : classes.size() < 2 ? List.of("<one class>", "<another class>") : classes.subList(0, Math.min(classes.size() - 1, 4));
        // a pattern variable needs Java 16; older code gets the cast
        boolean patterns = facts.javaRelease() >= 16;
        String kw = "    if";
        for (int i = 0; i < named.size(); i++) {
            String n = named.get(i).startsWith("<") ? named.get(i) : Names.simple(named.get(i));
            String t = "t" + (i + 1);
            b.append(kw).append(" (").append(v).append(" instanceof ").append(n).append(patterns ? " " + t : "").append(") {\n")
                    .append("        ... ").append(Names.call(c, patterns ? t : "((" + n + ") " + v + ")")).append(" ...\n    }");
            kw = " else if";
        }
        b.append(" else {\n        ... ").append(Names.call(c, v)).append(" ...\n    }\n}");
        return b.toString();
    }

    /** A class the source can name: not anonymous ({@code Outer$1}) or local ({@code Outer$1Local}). */
    static boolean nameable(String className) {
        for (String part : className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('/')) + 1).split("\\$", -1)) {
            if (part.isEmpty() || Character.isDigit(part.charAt(0))) return false;
        }
        return true;
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.CALL_OVERHEAD;
    }

    /** Samples under a call site before one or two receivers seen say it has no more: a rare receiver needs many samples to show. */
    static final long CONTRADICTING_SAMPLES = 100;

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        java.util.Set<String> receivers = Judge.receivers(site, Judge.calledName(site));
        if (receivers.size() >= 3) {
            dev.hoist.core.rule.Judgement j = dev.hoist.core.rule.Judgement.confirmed("the profile saw " + receivers.size()
                    + " receiver implementations under the call site: " + String.join(", ", receivers));
            dev.hoist.core.rule.Fix seen = seenFix(finding, site);
            return seen == null ? j : j.withFix(seen);
        }
        long seen = 0;
        for (dev.hoist.core.rule.SiteProfile.Callee k : site.callees()) seen += k.samples();
        if (!receivers.isEmpty() && seen < CONTRADICTING_SAMPLES) {
            // megamorphic advice needs the profile to show three receivers: a site it saw with fewer is left out (--all shows it),
            // since a short recording may miss rare receivers but a site that rarely runs them is not worth a rewrite either
            return dev.hoist.core.rule.Judgement.unproven("the profile saw only " + String.join(" and ", receivers)
                    + " under the call site in " + seen + " samples; megamorphic advice needs three receiver classes seen there "
                    + "(a longer recording may show more)");
        }
        if (!receivers.isEmpty()) {
            // C2 inlines a monomorphic or bimorphic site: there is no megamorphic dispatch to remove
            return dev.hoist.core.rule.Judgement.contradicted("the profile saw only " + String.join(" and ", receivers)
                    + " under the call site; HotSpot inlines one or two receiver classes");
        }
        if (site.samples() > 0) {
            // the call ran (its own dispatch drew samples) but no callee was sampled under it: nothing shows three receivers
            return dev.hoist.core.rule.Judgement.unproven("the profile saw no receiver class under the call site (" + site.samples()
                    + " samples in the call itself); megamorphic advice needs three receiver classes seen there");
        }
        return dev.hoist.core.rule.Judgement.undecided(finding.confidence(), "no receiver frames under the call site");
    }
}
