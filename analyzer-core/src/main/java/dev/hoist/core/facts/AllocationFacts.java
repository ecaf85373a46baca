package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/** The allocation facts: every allocation in the method, with its constructor and where the object goes. */
final class AllocationFacts {
    private final MethodFacts f;

    AllocationFacts(MethodFacts f) {
        this.f = f;
    }

    /** A {@code new}, {@code newarray}, {@code anewarray} or {@code multianewarray}, in a loop ({@code lb}) or not (null). */
    void extract(int i, String type, boolean array, int constLen, Loop.Builder lb) {
        Loop l = lb == null ? null : lb.loop();
        String ctor = null;
        if (!array) {
            for (int c : f.flow.consumers(i)) {
                if (f.insns[c].getOpcode() != Opcodes.DUP) continue;
                for (int c2 : f.flow.consumers(c)) {
                    if (f.insns[c2] instanceof MethodInsnNode init && init.name.equals("<init>") && init.owner.equals(type)) ctor = init.desc;
                }
            }
        }
        Allocation a = new Allocation(i, f.line(i), type, array, constLen, ctor, f.uses.uses(i), l != null && f.everyIteration(l, i), l);
        f.allocations.add(a);
        if (lb != null) lb.add(a);
    }

    /** The array descriptor for a {@code newarray} type code. */
    static String primitiveArray(int t) {
        return switch (t) {
            case Opcodes.T_BOOLEAN -> "[Z";
            case Opcodes.T_CHAR -> "[C";
            case Opcodes.T_FLOAT -> "[F";
            case Opcodes.T_DOUBLE -> "[D";
            case Opcodes.T_BYTE -> "[B";
            case Opcodes.T_SHORT -> "[S";
            case Opcodes.T_INT -> "[I";
            default -> "[J";
        };
    }
}
