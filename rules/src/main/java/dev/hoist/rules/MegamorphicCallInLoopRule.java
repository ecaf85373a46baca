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

/** An interface or virtual call in a loop that can reach three or more implementations on the analysed class path. */
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
                        .message(target + " has " + impls + " implementations on the analysed class path, which is weak evidence: "
                                + "most call sites see only one or two receiver classes at run time, and C2 inlines those. The "
                                + "profile decides: if the loop at lines " + loop.firstLine() + "-" + loop.lastLine()
                                + " sees three or more receiver classes here, every call is an un-inlined "
                                + (c.opcode() == Opcodes.INVOKEINTERFACE ? "itable" : "vtable")
                                + " dispatch; then group the elements by type, or split the loop per type, so each call site sees one class.")
                        .fix("for (" + Names.simple(c.owner()) + " x : items) {\n    x." + c.name() + "(...);\n}",
                                "// one loop per concrete type keeps each call site monomorphic\nfor (A a : as) a." + c.name()
                                        + "(...);\nfor (B b : bs) b." + c.name() + "(...);")
                        .build());
            }
        }
        return out;
    }
}
