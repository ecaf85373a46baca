package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Whether a value is the same on every iteration of a loop: constants, locals the loop never
 * assigns, fields nothing in the loop writes, side-effect-free calls and arithmetic on such
 * values. Asks the loop's write sets, so those must be complete before the first question.
 * Answers are memoised per loop and instruction; a value that depends on itself through a phi
 * is not invariant, so the answer can depend on the order of the questions, which the analysis
 * keeps fixed.
 */
final class Invariance {
    private final AbstractInsnNode[] insns;
    private final OperandFlow flow;
    private final CalleeResolver resolver;
    private final byte[][] memo;

    Invariance(AbstractInsnNode[] insns, OperandFlow flow, CalleeResolver resolver, int loops) {
        this.insns = insns;
        this.flow = flow;
        this.resolver = resolver;
        this.memo = new byte[loops][];
    }

    /** Whether a value is the same on every iteration of {@code loop}. */
    boolean invariant(Loop loop, SourceValue v) {
        if (v.insns.isEmpty()) return true;
        for (AbstractInsnNode s : v.insns) if (!invariantInsn(loop, flow.index(s))) return false;
        return true;
    }

    /** Whether the value instruction {@code si} produces is the same on every iteration of {@code loop}. */
    boolean invariantInsn(Loop loop, int si) {
        if (!loop.contains(si)) return true;
        int li = loop.index();
        byte[] m = memo[li];
        if (m == null) m = memo[li] = new byte[insns.length];
        if (m[si] != 0) return m[si] == 1;
        m[si] = 2; // cycles through phis are not invariant
        boolean r = compute(loop, si);
        m[si] = (byte) (r ? 1 : 2);
        return r;
    }

    private boolean compute(Loop loop, int si) {
        AbstractInsnNode s = insns[si];
        int op = s.getOpcode();
        SourceValue[] ops = flow.operands(si);
        if (op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC) return true;
        if (s instanceof VarInsnNode v && op <= Opcodes.ALOAD) return !loop.assignsLocal(v.var);
        if (s instanceof FieldInsnNode f) {
            FieldNode fn = resolver.field(f.owner, f.name);
            // a field whose declaration is not readable may be volatile: a spin loop's exit condition
            if (fn == null || (fn.access & Opcodes.ACC_VOLATILE) != 0) return false;
            boolean isFinal = fn != null && (fn.access & Opcodes.ACC_FINAL) != 0;
            boolean written = isFinal ? loop.writesFieldKnown(f.name) : loop.writesField(f.name);
            if (op == Opcodes.GETSTATIC) return isFinal || !written;
            if (op == Opcodes.GETFIELD) return !written && allInvariant(loop, ops);
            return false;
        }
        if (s instanceof MethodInsnNode m) {
            CalleeFacts c = resolver.callee(op, m.owner, m.name, m.desc);
            return c.sideEffectFree() && allInvariant(loop, ops);
        }
        if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) return !loop.writesArrays() && allInvariant(loop, ops);
        if ((op >= Opcodes.IADD && op <= Opcodes.LXOR) || (op >= Opcodes.I2L && op <= Opcodes.DCMPG)
                || op == Opcodes.ARRAYLENGTH || op == Opcodes.CHECKCAST || op == Opcodes.INSTANCEOF
                || (op >= Opcodes.DUP && op <= Opcodes.SWAP)) {
            return allInvariant(loop, ops);
        }
        return false;
    }

    private boolean allInvariant(Loop loop, SourceValue[] ops) {
        if (ops == null) return false;
        for (SourceValue o : ops) if (!invariant(loop, o)) return false;
        return true;
    }
}
