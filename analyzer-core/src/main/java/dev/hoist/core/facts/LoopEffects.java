package dev.hoist.core.facts;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * What each loop (nested loops included) may change and what may keep C2 from hoisting across
 * it: the locals it assigns, the fields it or its callees write, whether it stores to arrays,
 * whether it waits for other threads, and its {@link HoistBlocker}. Invariance depends on these
 * write sets, so they are collected before any other fact.
 */
final class LoopEffects {
    private LoopEffects() {
    }

    static void collect(Loop.Builder l, AbstractInsnNode[] insns, OperandFlow flow, CalleeResolver resolver) {
        BitSet body = l.body();
        Loop loop = l.loop();
        for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
            AbstractInsnNode in = insns[i];
            int op = in.getOpcode();
            if (in instanceof VarInsnNode v && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) l.assignsLocal(v.var);
            else if (in instanceof IincInsnNode inc) l.assignsLocal(inc.var);
            else if (in instanceof FieldInsnNode f && (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC)) l.writesField(f.name);
            else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) l.writesArrays();
            else if (in instanceof MethodInsnNode m && flow.reached(i)) {
                CalleeFacts c = resolver.callee(op, m.owner, m.name, m.desc);
                FieldWrites w = resolver.writes(op, m.owner, m.name, m.desc);
                l.writesFields(w.fields());
                if (w.mayWriteAny()) l.unknownWriter(w.unknownVia());
                if (Intrinsics.waits(m.owner, m.name)) l.waits(true);
                if (!loop.opaqueCallCertain()) {
                    HoistBlocker certain = HoistBlocker.certain(c, m.owner, m.name);
                    if (certain != null) {
                        l.blocker(certain);
                    } else if (!loop.hasOpaqueCall()) {
                        HoistBlocker possible = HoistBlocker.possible(c, m.owner, m.name);
                        if (possible != null) l.blocker(possible);
                    }
                }
            } else if (op == Opcodes.MONITORENTER) {
                l.waits(false);
                if (!loop.opaqueCallCertain()) l.blocker(HoistBlocker.monitor());
            } else if (in instanceof FieldInsnNode f && isVolatile(resolver, f)) {
                if (!loop.opaqueCallCertain()) {
                    l.blocker(HoistBlocker.volatileAccess(op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC, f.name));
                }
            }
        }
    }

    private static boolean isVolatile(CalleeResolver resolver, FieldInsnNode f) {
        FieldNode fn = resolver.field(f.owner, f.name);
        return fn != null && (fn.access & Opcodes.ACC_VOLATILE) != 0;
    }
}
