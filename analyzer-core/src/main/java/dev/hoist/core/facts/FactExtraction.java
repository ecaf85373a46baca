package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Runs the fact extractors over a method once its loop nest is known: first every loop's write
 * sets and blocker ({@link LoopEffects}), then each reached instruction through the extractor for
 * its kind, attributed to its innermost loop, then each loop's trip count. The order is fixed:
 * invariance answers are memoised and may depend on the order of the questions.
 */
final class FactExtraction {
    private final MethodFacts f;
    private final LoopNest nest;
    private final FieldAccessFacts fields;
    private final CallFacts calls;
    private final AllocationFacts allocations;
    private final ConcatFacts concats;
    private final LambdaFacts lambdas;
    private final TripCounts tripCounts;

    FactExtraction(MethodFacts f, LoopNest nest) {
        this.f = f;
        this.nest = nest;
        this.fields = new FieldAccessFacts(f);
        this.concats = new ConcatFacts(f);
        this.calls = new CallFacts(f, concats);
        this.allocations = new AllocationFacts(f);
        this.lambdas = new LambdaFacts(f);
        this.tripCounts = new TripCounts(f.insns, f.flow, f.invariance, f.text);
    }

    void run() {
        for (Loop.Builder l : nest.loops()) LoopEffects.collect(l, f.insns, f.flow, f.resolver());
        for (Loop.Builder l : nest.loops()) l.iteratorLocal(tripCounts.drivingIterator(l.loop()));
        for (int i = 0; i < f.insns.length; i++) {
            if (!f.flow.reached(i)) continue;
            AbstractInsnNode in = f.insns[i];
            Loop.Builder l = nest.innermost(i);
            switch (in.getType()) {
                case AbstractInsnNode.FIELD_INSN -> fields.extract(i, (FieldInsnNode) in, l);
                case AbstractInsnNode.METHOD_INSN -> calls.extract(i, (MethodInsnNode) in, l);
                case AbstractInsnNode.TYPE_INSN -> {
                    if (in.getOpcode() == Opcodes.NEW) allocations.extract(i, ((TypeInsnNode) in).desc, false, -1, l);
                    else if (in.getOpcode() == Opcodes.ANEWARRAY) {
                        allocations.extract(i, "[" + Type.getObjectType(((TypeInsnNode) in).desc).getDescriptor(), true,
                                OperandFlow.constantInt(f.flow.operands(i)[0]), l);
                    }
                }
                case AbstractInsnNode.INT_INSN -> {
                    if (in.getOpcode() == Opcodes.NEWARRAY) {
                        allocations.extract(i, AllocationFacts.primitiveArray(((IntInsnNode) in).operand), true,
                                OperandFlow.constantInt(f.flow.operands(i)[0]), l);
                    }
                }
                case AbstractInsnNode.MULTIANEWARRAY_INSN -> allocations.extract(i, ((MultiANewArrayInsnNode) in).desc, true, -1, l);
                case AbstractInsnNode.INVOKE_DYNAMIC_INSN -> indy(i, (InvokeDynamicInsnNode) in, l);
                case AbstractInsnNode.INSN -> {
                    if (l != null && (in.getOpcode() == Opcodes.MONITORENTER || in.getOpcode() == Opcodes.MONITOREXIT)) {
                        l.add(new Monitor(i, f.line(i), in.getOpcode() == Opcodes.MONITORENTER, l.loop()));
                    }
                }
                default -> { }
            }
        }
        for (Loop.Builder l : nest.loops()) l.tripCount(tripCounts.tripCount(l.loop()));
    }

    /** An invokedynamic in a loop: a string concatenation or a lambda. */
    private void indy(int i, InvokeDynamicInsnNode d, Loop.Builder l) {
        if (l == null) return;
        String bsm = d.bsm.getOwner();
        if (bsm.equals("java/lang/invoke/StringConcatFactory")) {
            concats.indy(i, d, l);
        } else if (bsm.equals("java/lang/invoke/LambdaMetafactory")) {
            lambdas.extract(i, d, l);
        }
    }
}
