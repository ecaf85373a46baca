package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.FieldAccess;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-volatile field with an invariant receiver, read on every iteration and written by nothing in
 * the loop. One finding per (loop, field), at the first read, counting the reads per iteration. The
 * score says whether C2 would hoist the load itself: low when nothing in the loop blocks it, higher
 * when the loop holds a call C2 may not inline, highest when it certainly does not (native, too big,
 * recursive) or holds a volatile access or a lock.
 */
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

    /** Whether the read only feeds a {@code synchronized} block (javac's {@code getfield; dup; astore; monitorenter}). */
    private static boolean locked(MethodFacts facts, FieldAccess f) {
        int i = f.insn();
        return i + 3 < facts.instructionCount() && facts.instruction(i + 1).getOpcode() == org.objectweb.asm.Opcodes.DUP
                && facts.instruction(i + 2).getOpcode() == org.objectweb.asm.Opcodes.ASTORE
                && facts.instruction(i + 3).getOpcode() == org.objectweb.asm.Opcodes.MONITORENTER;
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            // a field read once per call of a method is the caller's business: its loop is where a copy belongs
            if (loop.isMethodBody()) continue;
            if (loop.blocksOnOtherThreads()) continue; // it waits for another thread: the loads cost nothing in comparison
            // One finding per (loop, field): the first read carries the advice, the others are counted.
            Map<String, List<FieldAccess>> reads = new LinkedHashMap<>();
            for (FieldAccess f : loop.fieldAccesses()) {
                // a field whose class cannot be read may be volatile: copying it out of a spin loop would hang it
                if (f.write() || !Boolean.FALSE.equals(f.isVolatile()) || !f.everyIteration()) continue;
                // javac's val$x (a captured local) and this$0 (the outer instance) are final copies made at
                // construction: the source has no read to move, and C2 hoists the load
                if (f.name().startsWith("val$") || f.name().startsWith("this$")) continue;
                // a final field is written only by constructors; any other one may be written by code Hoist cannot read
                if (Boolean.TRUE.equals(f.isFinal()) ? loop.writesFieldKnown(f.name()) : loop.writesField(f.name())) continue;
                if (f.isStatic() && Boolean.TRUE.equals(f.isFinal())) continue; // a static final is a JIT constant
                // A loop that locks or waits usually waits for another thread's write: only a final field is safe to copy.
                if (loop.synchronizesWithOtherThreads() && !Boolean.TRUE.equals(f.isFinal())) continue;
                if (!f.isStatic() && !f.receiver().invariant()) continue;
                if (locked(facts, f)) continue; // lock-in-loop advises taking the lock outside, which moves the read too
                String text = text(f);
                if (feedsHoistableCall(loop, f, text)) continue; // invariant-call-in-loop gives the better advice
                reads.computeIfAbsent(text, t -> new ArrayList<>()).add(f);
            }
            for (Map.Entry<String, List<FieldAccess>> e : reads.entrySet()) {
                out.add(finding(facts, loop, e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private Finding finding(MethodFacts facts, Loop loop, String text, List<FieldAccess> reads) {
        FieldAccess f = reads.get(0);
        boolean opaque = loop.hasOpaqueCall();
        boolean certain = loop.opaqueCallCertain();
        String local = f.name();
        String type = facts.sourceType(f);
        String why = !opaque
                ? "; C2 usually hoists this load itself, so this matters mainly in interpreted or C1-compiled code"
                : certain
                ? "; the loop also contains " + loop.opaqueCallText() + ", which " + loop.opaqueCallReason()
                        + ", so C2 cannot hoist the load across it"
                : "; the loop also calls " + loop.opaqueCallText() + ", which " + loop.opaqueCallReason()
                        + ": C2 inlines it when the profile shows one or two receiver classes and a small body, and then "
                        + "hoists the load itself; if it is not inlined, the load stays in the loop (the profile tells which)";
        int barriers = loop.barrierCount();
        // The blocker sentence already names one barrier; count the rest only when there are more.
        boolean blockerIsBarrier = certain && loop.blocker().isMemoryBarrier();
        String fences = barriers == 0 || (blockerIsBarrier && barriers == 1) ? ""
                : " The loop has " + barriers + " memory barrier" + (barriers == 1 ? "" : "s") + " (volatile accesses or locks) in all.";
        if (barriers > 0 && !Boolean.TRUE.equals(f.isFinal())) {
            fences += " A local copy no longer sees a new value another thread publishes during the loop, which is what you want "
                    + "unless the loop waits for one.";
        }
        return Finding.at(this, facts, loop, f.insn())
                .site(reads.stream().mapToInt(FieldAccess::insn).toArray())
                .score(!opaque ? 25 : certain ? 60 : 35)
                .confidence(opaque && certain ? Confidence.MEDIUM : Confidence.LOW)
                .message(text + " is read " + times(reads) + " of " + loop.where() + " but nothing in the loop writes it" + why + "." + fences
                        + " Read it once into a local before the loop.")
                .fix("for (...) {\n    ... " + text + " ...\n}",
                        "final " + type + " " + local + " = " + text + ";\nfor (...) {\n    ... " + local + " ...\n}")
                .rewrite(text, null)
                .build();
    }

    private static String text(FieldAccess f) {
        return f.isStatic() ? Names.simple(f.owner()) + "." + f.name() : f.receiver().text() + "." + f.name();
    }

    /** "on every iteration" for one read, else "3 times per iteration (lines 437, 439, 441)". */
    private static String times(List<FieldAccess> reads) {
        if (reads.size() == 1) return "on every iteration";
        Set<Integer> lines = new TreeSet<>();
        for (FieldAccess r : reads) lines.add(r.line());
        StringBuilder sb = new StringBuilder().append(reads.size()).append(" times per iteration (line");
        if (lines.size() > 1) sb.append('s');
        sb.append(' ');
        int k = 0;
        for (int l : lines) sb.append(k++ == 0 ? "" : ", ").append(l);
        return sb.append(')').toString();
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

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.TIME;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        return Judge.hoistedByC2(finding, site);
    }
}
