package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/** Whether a callee returns a freshly made small tuple: a record, a pair-like object or a short constant-length array. */
final class FreshTuples {
    private FreshTuples() {
    }

    /** Whether every value {@code m} returns is a tuple it made itself. */
    static boolean returnsFreshTuple(CalleeResolver resolver, String owner, MethodNode m) {
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
        } catch (AnalyzerException | RuntimeException e) {
            return false;
        }
        boolean any = false;
        for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
            if (in.getOpcode() != Opcodes.ARETURN) continue;
            Frame<SourceValue> f = frames[m.instructions.indexOf(in)];
            if (f == null) continue;
            if (!freshTuple(resolver, m, frames, f.getStack(f.getStackSize() - 1), 0)) return false;
            any = true;
        }
        return any;
    }

    private static boolean freshTuple(CalleeResolver resolver, MethodNode m, Frame<SourceValue>[] frames, SourceValue v, int depth) {
        if (v.insns.isEmpty() || depth > 8) return false;
        for (AbstractInsnNode src : v.insns) {
            Frame<SourceValue> f = frames[m.instructions.indexOf(src)];
            if (f == null) return false;
            boolean ok = switch (src.getOpcode()) {
                case Opcodes.NEW -> resolver.isTupleType(((TypeInsnNode) src).desc);
                case Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> {
                    int len = OperandFlow.constantInt(f.getStack(f.getStackSize() - 1));
                    yield len >= 0 && len <= CalleeResolver.SMALL_ARRAY;
                }
                case Opcodes.DUP, Opcodes.CHECKCAST -> freshTuple(resolver, m, frames, f.getStack(f.getStackSize() - 1), depth + 1);
                case Opcodes.ALOAD -> freshTuple(resolver, m, frames, f.getLocal(((VarInsnNode) src).var), depth + 1);
                case Opcodes.ASTORE -> freshTuple(resolver, m, frames, f.getStack(f.getStackSize() - 1), depth + 1);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }
}
