package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The copy facts: calls that copy data ({@code Arrays.copyOf}, {@code substring}, {@code getBytes},
 * {@code new String(bytes)}, ...), and whether the copy replaces what it was copied from (growth).
 */
final class CopyFacts {
    private final MethodFacts f;

    CopyFacts(MethodFacts f) {
        this.f = f;
    }

    /** A copying call ({@code what} names it), or nothing when {@code m} does not copy. */
    void extract(int i, MethodInsnNode m, Loop.Builder l, CallSite c) {
        String what = null;
        String key = m.owner + "." + m.name;
        switch (key) {
            case "java/util/Arrays.copyOf", "java/util/Arrays.copyOfRange" -> what = "Arrays." + m.name;
            case "java/lang/String.substring", "java/lang/String.toCharArray", "java/lang/String.getBytes" -> what = "String." + m.name;
            case "java/io/ByteArrayOutputStream.toByteArray" -> what = "ByteArrayOutputStream.toByteArray";
            case "java/lang/String.<init>" -> {
                Type[] at = Type.getArgumentTypes(m.desc);
                if (at.length > 0 && (at[0].getDescriptor().equals("[B") || at[0].getDescriptor().equals("[C"))) what = "new String(" + (at[0].getDescriptor().equals("[B") ? "byte[]" : "char[]") + ")";
            }
            default -> { }
        }
        if (what == null) return;
        int producer = i;
        if (m.name.equals("<init>")) {
            // The new String is the NEW instruction's value; its uses start there.
            producer = -1;
            for (AbstractInsnNode s : f.flow.operands(i)[0].insns) {
                int si = f.flow.index(s);
                if (f.insns[si].getOpcode() == Opcodes.DUP) for (AbstractInsnNode s2 : f.flow.operands(si)[0].insns) producer = f.flow.index(s2);
                else if (f.insns[si].getOpcode() == Opcodes.NEW) producer = si;
            }
            if (producer < 0) return;
        }
        Uses u = f.uses.uses(producer);
        String source = c.receiver() != null ? c.receiver().text() : c.arguments().isEmpty() ? "" : c.arguments().get(0).text();
        boolean growth = false;
        if (m.owner.equals("java/util/Arrays")) {
            ValueId srcId = c.arguments().isEmpty() ? null : c.arguments().get(0).id();
            if (srcId != null) {
                if (u.storedLocal() >= 0 && srcId.equals(ValueId.local(u.storedLocal()))) growth = true;
                for (int cons : f.flow.consumers(producer)) {
                    if (f.insns[cons] instanceof FieldInsnNode put && (put.getOpcode() == Opcodes.PUTFIELD || put.getOpcode() == Opcodes.PUTSTATIC)
                            && srcId.isField(put.name)) growth = true;
                    if (f.insns[cons] instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && srcId.equals(ValueId.local(v.var))) growth = true;
                }
            }
        }
        l.add(new Copy(i, f.line(i), what, source, growth, u, l.loop()));
    }
}
