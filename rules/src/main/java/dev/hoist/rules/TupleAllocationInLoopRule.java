package dev.hoist.rules;

import dev.hoist.core.facts.Allocation;
import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.CalleeResolver;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Uses;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** Small short-lived aggregates (small arrays, varargs arrays, records, pairs, entries) built per iteration and not kept. */
public final class TupleAllocationInLoopRule implements Rule {
    @Override
    public String id() {
        return "tuple-allocation-in-loop";
    }

    @Override
    public String title() {
        return "Short-lived tuple allocated on every iteration";
    }

    @Override
    public String mechanism() {
        return "Each iteration allocates a small array or record only to read it back. C2's escape analysis can "
                + "scalar-replace such an object, but only when every use is inlined and the object never flows into "
                + "a call it cannot see; otherwise it is a real allocation per iteration and pressure on the young "
                + "generation.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        CalleeResolver types = facts.resolver();
        for (Loop loop : facts.loops()) {
            for (Allocation a : loop.allocations()) {
                if (a.uses().kept()) continue;
                boolean smallArray = a.array() && a.constantLength() >= 1 && a.constantLength() <= CalleeResolver.SMALL_ARRAY;
                boolean tuple = !a.array() && types.isTupleType(a.type());
                if (!smallArray && !tuple) continue;
                boolean passed = a.uses().escapes().contains(Uses.Escape.PASSED);
                // the argument array of a format call is the least of its cost: format-in-loop reports the call
                if (smallArray && passed && a.uses().passedTo() != null && FORMATTERS.contains(a.uses().passedTo())) continue;
                String what = smallArray ? "a " + a.constantLength() + "-element " + Names.arrayType(a.type())
                        + (passed ? " (a varargs or argument array)" : "") : "a " + Names.simple(a.type());
                out.add(Finding.at(this, facts, loop, a.insn())
                        .score((passed ? 50 : 35) - (a.everyIteration() ? 0 : 15))
                        .confidence(passed ? Confidence.MEDIUM : Confidence.LOW)
                        .message(what + " is allocated" + (a.everyIteration() ? " on every iteration" : " on some iterations (it is behind a branch)")
                                + " of " + loop.where() + " and dropped after the iteration"
                                + (passed ? "; it is passed to a call, so escape analysis removes it only if that call is inlined"
                                        : "; escape analysis may remove it in C2-compiled code, but not in the interpreter or C1")
                                + ". Pass the components separately, or reuse one holder allocated before the loop.")
                        .fix("for (...) {\n    " + (smallArray ? Names.arrayType(a.type()) + " pair = {a, b};" : Names.simple(a.type()) + " t = new "
                                + Names.simple(a.type()) + "(a, b);") + "\n    use(" + (smallArray ? "pair" : "t") + ");\n}",
                                "for (...) {\n    use(a, b); // no holder object\n}")
                        .build());
            }
            for (CallSite c : loop.calls()) {
                if (!c.callee().returnsFreshTuple() || c.resultUses().kept()) continue;
                String target = Names.simple(c.owner()) + "." + c.name() + "()";
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(45)
                        .confidence(Confidence.LOW)
                        .message(target + " returns a freshly allocated " + Names.returnType(c.descriptor()) + " " + loop.perIteration()
                                + ", which the loop only reads; unless " + c.name()
                                + "() is inlined, that is one allocation per iteration. Return the parts separately or pass in a reusable holder.")
                        .fix("for (...) {\n    var r = " + c.name() + "(x);\n    use(r);\n}",
                                "Holder h = new Holder();\nfor (...) {\n    " + c.name() + "(x, h); // fills h\n    use(h);\n}")
                        .build());
            }
        }
        return out;
    }

    /** Calls whose varargs array carries the arguments of a format string. */
    private static final java.util.Set<String> FORMATTERS = java.util.Set.of("String.format", "String.formatted",
            "PrintStream.printf", "PrintStream.format", "PrintWriter.printf", "PrintWriter.format", "Formatter.format",
            "MessageFormat.format");
    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.ALLOCATION;
    }

    /**
     * A tuple a callee returns is paid inside the callee: measured at the call with everything under
     * it, the site would claim all the callee's work, which returning the parts separately does not
     * remove. It is measured as the call's own cost plus the returned type's bytes under it; a tuple made in
     * the loop stays an allocation.
     */
    @Override
    public dev.hoist.core.rule.CostKind costKind(Finding finding) {
        MethodFacts facts = finding.facts();
        boolean call = facts != null && finding.siteBcis().length == 1
                && facts.instructionAt(finding.siteBcis()[0]) instanceof org.objectweb.asm.tree.MethodInsnNode;
        return call ? dev.hoist.core.rule.CostKind.RESULT_ALLOCATION : costKind();
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        java.util.Set<String> types = new java.util.TreeSet<>();
        if (site.facts() != null) {
            for (dev.hoist.core.facts.Allocation a : site.facts().allocations()) {
                int b = site.facts().bci(a.insn());
                if (java.util.Arrays.binarySearch(finding.siteBcis(), b) >= 0) types.add(Judge.typeName(a.type()));
            }
        }
        // a tuple made by a factory (Span.of(a, b)) is allocated in the callee: its type is the call's result
        for (dev.hoist.core.facts.CallSite s : site.siteCalls()) {
            org.objectweb.asm.Type r = org.objectweb.asm.Type.getReturnType(s.descriptor());
            if (r.getSort() == org.objectweb.asm.Type.OBJECT) types.add(Judge.typeName(r.getInternalName()));
            else if (r.getSort() == org.objectweb.asm.Type.ARRAY) types.add(Judge.typeName(r.getDescriptor()));
        }
        return Judge.allocatedType(finding, site, types, "");
    }
}
