package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;

/** The field access facts: each field read or write in a loop, with its flags and receiver. */
final class FieldAccessFacts {
    private final MethodFacts f;

    FieldAccessFacts(MethodFacts f) {
        this.f = f;
    }

    void extract(int i, FieldInsnNode fi, Loop.Builder lb) {
        if (lb == null) return;
        Loop l = lb.loop();
        int op = fi.getOpcode();
        boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
        boolean write = op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC;
        FieldNode fn = f.resolver().field(fi.owner, fi.name);
        Boolean vol = fn == null ? null : (fn.access & Opcodes.ACC_VOLATILE) != 0;
        Boolean fin = fn == null ? null : (fn.access & Opcodes.ACC_FINAL) != 0;
        Value recv = isStatic ? null : f.text.value(l, i, f.flow.operands(i)[0]);
        FieldAccess fa = new FieldAccess(i, f.line(i), write, isStatic, fi.owner, fi.name, fi.desc, vol, fin, recv,
                f.everyIteration(l, i), l);
        f.fieldAccesses.add(fa);
        lb.add(fa);
    }
}
