package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Value;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A side-effect-free call with invariant receiver and arguments, made on every iteration of a loop that does not mutate the receiver. */
public final class InvariantCallInLoopRule implements Rule {
    @Override
    public String id() {
        return "invariant-call-in-loop";
    }

    @Override
    public String title() {
        return "Same side-effect-free call with the same arguments on every iteration";
    }

    @Override
    public String mechanism() {
        return "The loop repeats a call whose answer cannot change. When the call is small and monomorphic C2 "
                + "inlines it and may hoist the work (ArrayList.size(), String.length() cost almost nothing then); "
                + "a hash lookup such as Map.get, a megamorphic receiver or an opaque call elsewhere in the loop keeps "
                + "the repeated work in the loop.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            if (loop.isMethodBody()) continue; // "before the loop" has no meaning inside one call
            // One finding per (loop, call target and receiver): the first call carries the advice.
            Map<String, List<CallSite>> same = new LinkedHashMap<>();
            for (CallSite c : loop.calls()) {
                if (!c.callee().sideEffectFree() || !c.everyIteration() || !c.receiverAndArgumentsInvariant()) continue;
                if (c.receiver() == null && c.arguments().isEmpty()) continue;
                if (c.receiver() != null && c.receiver().kind() == Value.Kind.CONSTANT && c.receiver().id() == null) continue; // "literal".length() folds to a constant
                if (c.name().equals("getClass") || c.name().endsWith("Value")) continue; // intrinsics / unboxing, nothing to hoist
                // javac's accessor of a nest mate's private member: the source reads the member itself, C2 inlines the accessor
                if (c.name().startsWith("access$") || c.name().startsWith("lambda$")) continue;
                // a fix must name what it hoists: a receiver or argument with no source name makes no code
                if ((c.receiver() != null && !c.receiver().nameable()) || !c.arguments().stream().allMatch(Value::nameable)) continue;
                if (c.receiver() != null && mutated(facts, loop, c.receiver())) continue;
                // an argument object the loop changes (key.reset(x) on the line before map.get(key)) makes each call another lookup
                if (c.arguments().stream().anyMatch(a -> changedByAnotherCall(facts, loop, a))) continue;
                // atomics and concurrent collections are read again on purpose: another thread changes them (a CAS retry loop)
                if (c.owner().startsWith("java/util/concurrent/")) continue;
                // a pure method of ours reads fields: if the loop (or anything it calls) may write one, its result may change
                if (c.callee().pure() && c.callee().fieldsRead().stream().anyMatch(loop::writesField)) continue;
                same.computeIfAbsent(Names.call(c), t -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<String, List<CallSite>> e : same.entrySet()) {
                CallSite c = e.getValue().get(0);
                int count = e.getValue().size();
                boolean lookup = (c.name().equals("get") && !c.owner().endsWith("List")) || c.name().equals("containsKey")
                        || c.name().equals("contains") || c.name().equals("getOrDefault") || c.name().equals("indexOf");
                int score = lookup ? 55 : 25;
                if (loop.opaqueCallCertain()) score += 20;
                String text = e.getKey();
                String local = c.name().equals("size") || c.name().equals("length") ? "n" : c.name().startsWith("get") && c.name().length() > 3
                        ? Names.decapitalize(c.name().substring(3))
                        : c.name().startsWith("get") && c.receiver() != null ? element(c.receiver().text()) : c.name() + "Result";
                String generic = facts.sourceReturnType(c);
                String type = generic != null ? generic : Names.returnType(c.descriptor());
                // an erased type parameter: the cast javac put after the call names the real type
                if (type.equals("Object") && nextInstruction(facts, c.insn()) instanceof org.objectweb.asm.tree.TypeInsnNode cast
                        && cast.getOpcode() == org.objectweb.asm.Opcodes.CHECKCAST) {
                    type = Names.simple(cast.desc);
                }
                // an erased type parameter (Map.get returns Object in bytecode): let the compiler say it
                if (type.equals("Object") && facts.javaRelease() >= 10) type = "var";
                String cost = lookup ? " repeats the same lookup on every iteration"
                        : " is usually inlined and hoisted by C2, so the gain is small unless the loop also makes an opaque call or runs before C2 compiles it";
                String repeat = count == 1 ? "" : " It is made " + count + " times per iteration (lines " + lines(e.getValue()) + ").";
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(score)
                        .confidence(lookup ? Confidence.MEDIUM : Confidence.LOW)
                        .message(text + " has the same receiver and arguments on every iteration and no side effects; it"
                                + cost + "." + repeat + " Call it once before the loop.")
                        .fix("for (...) {\n    ... " + text + " ...\n}",
                                "final " + type + " " + local + " = " + text + ";\nfor (...) {\n    ... " + local + " ...\n}")
                        .rewrite(text, null)
                        .build());
            }
        }
        return out;
    }

    /** A name for one element of a collection named {@code collection}: rates gives rate, else value. */
    private static String element(String collection) {
        String last = collection.substring(collection.lastIndexOf('.') + 1);
        if (last.matches("[a-z][A-Za-z0-9]*[^s]s") && !last.endsWith("ss")) return last.substring(0, last.length() - 1);
        return "value";
    }

    private static String lines(List<CallSite> calls) {
        Set<Integer> lines = new TreeSet<>();
        for (CallSite c : calls) lines.add(c.line());
        StringBuilder sb = new StringBuilder();
        for (int l : lines) sb.append(sb.length() == 0 ? "" : ", ").append(l);
        return sb.toString();
    }

    /** The instruction after {@code insn}, labels and line numbers skipped. */
    private static org.objectweb.asm.tree.AbstractInsnNode nextInstruction(MethodFacts facts, int insn) {
        org.objectweb.asm.tree.AbstractInsnNode n = facts.instruction(insn).getNext();
        while (n != null && n.getOpcode() < 0) n = n.getNext();
        return n;
    }

    /** A call in the loop that may write {@code arg}: one on it that is not read-only, or one that is handed it and may write. */
    private static boolean changedByAnotherCall(MethodFacts facts, Loop loop, Value arg) {
        if (arg.id() == null) return false;
        for (CallSite o : facts.calls()) {
            if (o.loop() == null || !o.loop().within(loop) || o.callee().sideEffectFree()) continue;
            if (arg.sameVariable(o.receiver())) return true;
            for (Value a : o.arguments()) if (arg.sameVariable(a)) return true;
        }
        return false;
    }

    /** The loop mutates the receiver: a non-read-only call on it, or it is handed to some other call. */
    private static boolean mutated(MethodFacts facts, Loop loop, Value receiver) {
        if (receiver.id() == null) return false;
        for (CallSite o : facts.calls()) {
            if (o.loop() == null || !o.loop().within(loop)) continue;
            if (receiver.sameVariable(o.receiver()) && !o.callee().sideEffectFree()) return true;
            for (Value a : o.arguments()) if (receiver.sameVariable(a)) return true;
        }
        return false;
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.TIME;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        dev.hoist.core.rule.Judgement call = Judge.realCall(finding, site, ": the JIT cannot hoist what it does not inline");
        if (call.effect() == dev.hoist.core.rule.Judgement.Effect.CONFIRMED) return call;
        return Judge.hoistedByC2(finding, site);
    }
}
