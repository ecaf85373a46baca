package dev.hoist.core.facts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import org.objectweb.asm.tree.analysis.SourceInterpreter;

/**
 * Where each instruction's operands come from and where its result goes: one run of ASM's
 * {@link Analyzer} with a {@link SourceInterpreter} that records, per instruction, the operand
 * values it consumed (their producing instructions), and from those the consumers of each
 * instruction. The same run reports the control-flow edges ({@link #controlFlow()}).
 */
final class OperandFlow {
    private static final int[] EMPTY = new int[0];

    private final MethodNode method;
    private final AbstractInsnNode[] insns;
    private final int n;
    private final Frame<SourceValue>[] frames;
    private final SourceValue[][] operands;
    private final int[][] consumers;
    private final ControlFlow controlFlow;
    /** The instruction the Analyzer is executing, while it runs. */
    private int current;

    private OperandFlow(String owner, MethodNode method, AbstractInsnNode[] insns) throws AnalyzerException {
        this.method = method;
        this.insns = insns;
        this.n = insns.length;
        this.operands = new SourceValue[n][];
        ControlFlow.Edges edges = new ControlFlow.Edges();
        Analyzer<SourceValue> analyzer = new Analyzer<>(new Recorder()) {
            @Override
            protected Frame<SourceValue> newFrame(int numLocals, int numStack) {
                return new RecordingFrame(numLocals, numStack);
            }

            @Override
            protected Frame<SourceValue> newFrame(Frame<? extends SourceValue> frame) {
                return new RecordingFrame(frame);
            }

            @Override
            protected void newControlFlowEdge(int insnIndex, int successorIndex) {
                edges.add(insnIndex, successorIndex, false);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insnIndex, int successorIndex) {
                edges.add(insnIndex, successorIndex, true);
                return true;
            }
        };
        this.frames = analyzer.analyze(owner, method);
        this.controlFlow = new ControlFlow(n, edges);
        this.consumers = buildConsumers();
    }

    static OperandFlow analyze(String owner, MethodNode method, AbstractInsnNode[] insns) throws AnalyzerException {
        return new OperandFlow(owner, method, insns);
    }

    ControlFlow controlFlow() { return controlFlow; }
    /** Whether the Analyzer reached the instruction (dead code has no frame). */
    boolean reached(int insn) { return frames[insn] != null; }
    /** The values instruction {@code insn} consumed, in operand order; null when it consumes none or was not reached. */
    SourceValue[] operands(int insn) { return operands[insn]; }
    /** The instructions that consume the value {@code insn} produces. */
    int[] consumers(int insn) { return consumers[insn]; }
    int index(AbstractInsnNode in) { return method.instructions.indexOf(in); }

    /** The operand position at which {@code c} consumes the value of {@code producer}, or -1. */
    int operandPosition(int c, int producer) {
        SourceValue[] ops = operands[c];
        if (ops == null) return -1;
        AbstractInsnNode p = insns[producer];
        for (int k = 0; k < ops.length; k++) if (ops[k].insns.contains(p)) return k;
        return -1;
    }

    /** Whether {@code v}, or a value it is computed from (up to {@code depth} steps, not through locals), satisfies {@code p}. */
    boolean dependsOn(SourceValue v, Predicate<AbstractInsnNode> p, int depth) {
        if (depth < 0) return false;
        for (AbstractInsnNode s : v.insns) {
            if (p.test(s)) return true;
            SourceValue[] ops = operands[index(s)];
            if (ops != null && s.getOpcode() != Opcodes.ALOAD) {
                for (SourceValue o : ops) if (dependsOn(o, p, depth - 1)) return true;
            }
        }
        return false;
    }

    /** The int constant pushed by {@code iconst}, {@code bipush}, {@code sipush} or {@code ldc}; MIN_VALUE otherwise. */
    static int constantInt(AbstractInsnNode s) {
        int op = s.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) return op - Opcodes.ICONST_0;
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) return ((IntInsnNode) s).operand;
        if (s instanceof LdcInsnNode l && l.cst instanceof Integer i) return i;
        return Integer.MIN_VALUE;
    }

    /** The constant a value always has, if it comes from one int constant instruction; -1 otherwise. */
    static int constantInt(SourceValue v) {
        if (v.insns.size() != 1) return -1;
        int c = constantInt(v.insns.iterator().next());
        return c == Integer.MIN_VALUE ? -1 : c;
    }

    private int[][] buildConsumers() {
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            if (operands[i] == null) continue;
            for (SourceValue v : operands[i]) for (AbstractInsnNode s : v.insns) count[index(s)]++;
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = count[i] == 0 ? EMPTY : new int[count[i]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            if (operands[i] == null) continue;
            for (SourceValue v : operands[i]) {
                for (AbstractInsnNode s : v.insns) {
                    int si = index(s);
                    out[si][count[si]++] = i;
                }
            }
        }
        return out;
    }

    /** A SourceInterpreter that also records the operands of the instruction being executed. */
    private final class Recorder extends SourceInterpreter {
        Recorder() {
            super(Opcodes.ASM9);
        }

        private void record(SourceValue... vs) {
            operands[current] = vs;
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            SourceValue[] prev = operands[current];
            int op = insn.getOpcode();
            if (op >= Opcodes.DUP && op <= Opcodes.SWAP && prev != null) {
                SourceValue[] more = Arrays.copyOf(prev, prev.length + 1);
                more[prev.length] = value;
                operands[current] = more;
            } else {
                record(value);
            }
            return super.copyOperation(insn, value);
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
            record(value);
            return super.unaryOperation(insn, value);
        }

        @Override
        public SourceValue binaryOperation(AbstractInsnNode insn, SourceValue v1, SourceValue v2) {
            record(v1, v2);
            return super.binaryOperation(insn, v1, v2);
        }

        @Override
        public SourceValue ternaryOperation(AbstractInsnNode insn, SourceValue v1, SourceValue v2, SourceValue v3) {
            record(v1, v2, v3);
            return super.ternaryOperation(insn, v1, v2, v3);
        }

        @Override
        public SourceValue naryOperation(AbstractInsnNode insn, List<? extends SourceValue> values) {
            record(values.toArray(new SourceValue[0]));
            return super.naryOperation(insn, values);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, SourceValue value, SourceValue expected) {
            record(value);
        }
    }

    /** A frame that tells the recorder which instruction executes, and clears what a previous visit recorded. */
    private final class RecordingFrame extends Frame<SourceValue> {
        RecordingFrame(int locals, int stack) {
            super(locals, stack);
        }

        RecordingFrame(Frame<? extends SourceValue> f) {
            super(f);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<SourceValue> interpreter) throws AnalyzerException {
            current = index(insn);
            operands[current] = null;
            super.execute(insn, interpreter);
        }
    }
}
