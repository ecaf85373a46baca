package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.FieldAccess;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** A non-volatile field with an invariant receiver, read on every iteration and written by nothing in the loop. */
public final class InvariantFieldInLoopRule implements Rule {
    @Override
    public String id() {
        return "invariant-field-in-loop";
    }

    @Override
    public String title() {
        return "Field read on every iteration although it cannot change in the loop";
    }

    @Override
    public String mechanism() {
        return "C2 hoists a non-volatile field load out of a loop only when it can prove nothing in the loop writes "
                + "that memory; a call it cannot inline (or a volatile access, or a lock) may write any field, so the "
                + "load stays in the loop. The interpreter never hoists it, and C1 only in short, simple loops.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (FieldAccess f : loop.fieldAccesses()) {
                if (f.write() || f.knownVolatile() || !f.everyIteration() || loop.writesField(f.name())) continue;
                if (f.isStatic() && Boolean.TRUE.equals(f.isFinal())) continue; // a static final is a JIT constant
                if (!f.isStatic() && !f.receiver().invariant()) continue;
                String text = f.isStatic() ? Names.simple(f.owner()) + "." + f.name() : f.receiver().text() + "." + f.name();
                if (feedsHoistableCall(loop, f, text)) continue; // invariant-call-in-loop gives the better advice
                boolean opaque = loop.hasOpaqueCall();
                boolean certain = loop.opaqueCallCertain();
                String local = f.name();
                String type = Names.type(f.descriptor());
                String why = !opaque
                        ? "; C2 usually hoists this load itself, so this matters mainly in interpreted or C1-compiled code"
                        : certain
                        ? "; the loop also contains " + loop.opaqueCallText() + ", which the JIT cannot see through, so the load cannot be hoisted"
                        : "; the loop also calls " + loop.opaqueCallText() + ", which is not on the analysed class path: if the JIT does not "
                                + "inline it, the load cannot be hoisted";
                out.add(Finding.at(this, facts, loop, f.insn())
                        .score(!opaque ? 25 : certain ? 60 : 40)
                        .confidence(opaque && certain ? Confidence.MEDIUM : Confidence.LOW)
                        .message(text + " is read on every iteration of the loop at lines " + loop.firstLine() + "-"
                                + loop.lastLine() + " but nothing in the loop writes it" + why
                                + ". Read it once into a local before the loop.")
                        .fix("for (...) {\n    ... " + text + " ...\n}",
                                "final " + type + " " + local + " = " + text + ";\nfor (...) {\n    ... " + local + " ...\n}")
                        .build());
            }
        }
        return out;
    }

    private static boolean feedsHoistableCall(Loop loop, FieldAccess f, String text) {
        for (CallSite c : loop.calls()) {
            if (c.line() == f.line() && c.receiver() != null && c.receiver().text().equals(text)
                    && c.callee().sideEffectFree() && c.receiverAndArgumentsInvariant()) {
                return true;
            }
        }
        return false;
    }
}
