package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The boxing facts: {@code Integer.valueOf(int)} and friends, with boxed accumulators, and unboxing calls. */
final class BoxingFacts {
    private final MethodFacts f;

    BoxingFacts(MethodFacts f) {
        this.f = f;
    }

    /** A boxing call; when its box is stored back into the local it was computed from, that local is an accumulator. */
    void boxing(int i, MethodInsnNode m, Loop.Builder l) {
        int acc = -1;
        String name = null;
        for (int c : f.flow.consumers(i)) {
            if (f.insns[c].getOpcode() == Opcodes.ASTORE) {
                int var = ((VarInsnNode) f.insns[c]).var;
                if (f.flow.dependsOn(f.flow.operands(i)[0], x -> x.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) x).var == var, 6)) {
                    acc = var;
                    name = f.text.localName(var, c);
                }
            }
        }
        l.add(new Boxing(i, f.line(i), true, m.owner, acc, name, l.loop()));
    }

    /** An unboxing call ({@code intValue()} and friends). */
    void unboxing(int i, MethodInsnNode m, Loop.Builder l) {
        l.add(new Boxing(i, f.line(i), false, m.owner, -1, null, l.loop()));
    }
}
