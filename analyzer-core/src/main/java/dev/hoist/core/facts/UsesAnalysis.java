package dev.hoist.core.facts;

import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Escape of a value within its method: where the value an instruction produces goes, followed
 * through copies, casts and locals to the instructions that finally consume it ({@link Uses}).
 */
final class UsesAnalysis {
    private static final Set<String> KEEPING = Set.of("add", "addAll", "put", "putAll", "offer", "offerFirst",
            "offerLast", "push", "addFirst", "addLast", "set", "putIfAbsent", "computeIfAbsent", "merge", "accept", "<init>");

    /** Whether a call made with {@code opcode} keeps its declared argument number {@code argument} (see {@link ParameterEscapes}). */
    interface KeepingCalls {
        boolean keeps(int opcode, MethodInsnNode call, int argument);
    }

    private final AbstractInsnNode[] insns;
    private final OperandFlow flow;
    private final KeepingCalls keeping;

    UsesAnalysis(AbstractInsnNode[] insns, OperandFlow flow, KeepingCalls keeping) {
        this.insns = insns;
        this.flow = flow;
        this.keeping = keeping;
    }

    /** Where the value produced by instruction {@code producer} goes, followed through copies and locals. */
    Uses uses(int producer) {
        EnumSet<Uses.Escape> out = EnumSet.noneOf(Uses.Escape.class);
        String keptBy = null;
        String passedTo = null;
        int passedCalls = 0;
        int storedLocal = -1;
        BitSet seen = new BitSet();
        int[] work = new int[16];
        int sp = 0;
        work[sp++] = producer;
        seen.set(producer);
        while (sp > 0) {
            int x = work[--sp];
            for (int c : flow.consumers(x)) {
                AbstractInsnNode in = insns[c];
                int op = in.getOpcode();
                int pos = flow.operandPosition(c, x);
                boolean follow = false;
                switch (op) {
                    case Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2, Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2,
                         Opcodes.SWAP, Opcodes.CHECKCAST, Opcodes.ALOAD -> follow = true;
                    case Opcodes.ASTORE -> {
                        follow = true;
                        if (storedLocal < 0) storedLocal = ((VarInsnNode) in).var;
                    }
                    case Opcodes.ARETURN -> out.add(Uses.Escape.RETURNED);
                    case Opcodes.PUTFIELD -> out.add(pos == 1 ? Uses.Escape.STORED_FIELD : Uses.Escape.READ);
                    case Opcodes.PUTSTATIC -> out.add(Uses.Escape.STORED_FIELD);
                    case Opcodes.AASTORE -> out.add(pos == 2 ? Uses.Escape.STORED_ARRAY : Uses.Escape.READ);
                    case Opcodes.ATHROW -> out.add(Uses.Escape.THROWN);
                    case Opcodes.INVOKEDYNAMIC -> out.add(Uses.Escape.CAPTURED);
                    case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC -> {
                        MethodInsnNode m = (MethodInsnNode) in;
                        boolean receiver = op != Opcodes.INVOKESTATIC && pos == 0;
                        if (receiver) {
                            if (!m.name.equals("<init>")) out.add(Uses.Escape.READ);
                        } else if (KEEPING.contains(m.name) || keeping.keeps(op, m, op == Opcodes.INVOKESTATIC ? pos : pos - 1)) {
                            out.add(Uses.Escape.KEPT_BY_CALL);
                            if (keptBy == null) keptBy = SourceText.simple(m.owner) + "." + m.name;
                        } else {
                            out.add(Uses.Escape.PASSED);
                            if (passedCalls++ == 0) passedTo = SourceText.simple(m.owner) + "." + m.name;
                        }
                    }
                    default -> out.add(Uses.Escape.READ);
                }
                if (follow && !seen.get(c)) {
                    seen.set(c);
                    if (sp == work.length) work = Arrays.copyOf(work, sp * 2);
                    work[sp++] = c;
                }
            }
        }
        if (out.isEmpty()) out.add(Uses.Escape.DROPPED);
        // passedTo names the call only when it is the one call the value is passed to
        return new Uses(out, keptBy, storedLocal, passedCalls == 1 ? passedTo : null);
    }
}
