package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Everything the rules may ask about one method, computed once: the control-flow graph (from
 * ASM's {@link Analyzer}, exception edges included), dominators, natural loops with their nest,
 * bci and line ranges, and per-instruction facts (field accesses, calls with callee facts,
 * allocations with escape, boxing, copies, string concatenation, lambdas, monitors, reflection)
 * attributed to the innermost loop that contains them. Rules are predicates over these facts and
 * never walk instructions themselves.
 */
public final class MethodFacts {
    private final ClassNode owner;
    private final MethodNode method;
    private final CalleeResolver resolver;
    private final AbstractInsnNode[] insns;
    private final int n;
    private final int[] bci;
    private final int[] line;
    private Frame<SourceValue>[] frames;
    private SourceValue[][] operands;
    private int[][] consumers;
    private int[][] preds;
    private int[] idom;
    private int[] rpoIndex;
    private final List<Loop> loops = new ArrayList<>();
    private Loop[] innermost;
    private final List<FieldAccess> fieldAccesses = new ArrayList<>();
    private final List<CallSite> calls = new ArrayList<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private byte[][] invariantMemo;

    private MethodFacts(ClassNode owner, MethodNode method, int[] offsets, CalleeResolver resolver) {
        this.owner = owner;
        this.method = method;
        this.resolver = resolver;
        this.insns = method.instructions.toArray();
        this.n = insns.length;
        this.bci = new int[n];
        this.line = new int[n];
        int real = 0;
        int cur = -1;
        for (int i = 0; i < n; i++) {
            AbstractInsnNode in = insns[i];
            if (in instanceof LineNumberNode ln) cur = ln.line;
            line[i] = cur;
            if (in.getOpcode() >= 0) {
                bci[i] = offsets != null && real < offsets.length ? offsets[real] : -1;
                real++;
            } else {
                bci[i] = -1;
            }
        }
        // A line number node sits after its label: attribute each label to the line that follows it.
        for (int i = n - 2; i >= 0; i--) {
            if (insns[i] instanceof LabelNode && insns[i + 1] instanceof LineNumberNode) line[i] = line[i + 1];
        }
    }

    /**
     * A cheap test that avoids all analysis for straight-line methods: a loop needs a jump or
     * switch to an earlier-or-same instruction, or a handler at or before the code it covers.
     */
    public static boolean mayHaveLoop(MethodNode m) {
        if (m.instructions.size() == 0) return false;

        for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
            if (in instanceof JumpInsnNode j && m.instructions.indexOf(j.label) <= m.instructions.indexOf(j)) return true;
            if (in instanceof TableSwitchInsnNode t) {
                for (LabelNode l : t.labels) if (m.instructions.indexOf(l) <= m.instructions.indexOf(in)) return true;
            }
            if (in instanceof LookupSwitchInsnNode t) {
                for (LabelNode l : t.labels) if (m.instructions.indexOf(l) <= m.instructions.indexOf(in)) return true;
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (m.instructions.indexOf(t.handler) < m.instructions.indexOf(t.end)) return true;
        }
        return false;
    }

    /** Facts for a method of a class read from {@code classBytes} (needed for the original bcis). */
    public static MethodFacts of(ClassNode owner, MethodNode method, BytecodeOffsets offsets, CalleeResolver resolver)
            throws AnalyzerException {
        return of(owner, method, offsets, resolver, false);
    }

    /**
     * As {@link #of(ClassNode, MethodNode, BytecodeOffsets, CalleeResolver)}; with {@code perCallBody}, a
     * method without loops gets one region for its whole body ({@link Loop#isMethodBody()}), so the
     * rules see what it does per call: the advisor asks for it on hot methods that a sampled loop
     * calls, where each call is paid per iteration of that loop.
     */
    public static MethodFacts of(ClassNode owner, MethodNode method, BytecodeOffsets offsets, CalleeResolver resolver,
                                 boolean perCallBody) throws AnalyzerException {
        MethodFacts f = new MethodFacts(owner, method, offsets == null ? null : offsets.of(method.name, method.desc), resolver);
        f.perCallBody = perCallBody;
        f.compute();
        return f;
    }

    private boolean perCallBody;

    // ---------------------------------------------------------------- accessors

    public ClassNode classNode() { return owner; }
    public MethodNode method() { return method; }
    /** Internal name of the declaring class. */
    public String className() { return owner.name; }
    /** The Java release the class was compiled for (8, 11, 17, ...), from its class file version. */
    public int javaRelease() { return (owner.version & 0xFFFF) - 44; }
    public String methodName() { return method.name; }
    public String descriptor() { return method.desc; }
    public String sourceFile() { return owner.sourceFile; }
    public List<Loop> loops() { return Collections.unmodifiableList(loops); }
    public List<FieldAccess> fieldAccesses() { return fieldAccesses; }
    /** Every call in the method, in or out of loops (see {@link CallSite#loop()}). */
    public List<CallSite> calls() { return calls; }
    /** Every allocation in the method, in or out of loops. */
    public List<Allocation> allocations() { return allocations; }
    public int instructionCount() { return n; }
    public AbstractInsnNode instruction(int i) { return insns[i]; }
    /** The original bytecode offset of an instruction, -1 for labels and line numbers. */
    public int bci(int insn) { return bci[insn]; }
    public int line(int insn) { return line[insn]; }
    public Loop innermostLoop(int insn) { return innermost == null ? null : innermost[insn]; }
    public CalleeResolver resolver() { return resolver; }

    /** The name of local {@code var} at instruction {@code insn} from the LocalVariableTable, else null. */
    public String localName(int var, int insn) {
        if (method.localVariables == null) return null;
        LocalVariableNode best = null;
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index != var) continue;
            int s = method.instructions.indexOf(lv.start), e = method.instructions.indexOf(lv.end);
            if (insn >= s && insn < e) return lv.name;
            // A store precedes the scope it opens, so accept the nearest scope that starts just after it.
            if (s > insn && s <= insn + 3) best = lv;
        }
        return best == null ? null : best.name;
    }

    /** The declared type descriptor of local {@code var} at {@code insn}, else null. */
    public String localDescriptor(int var, int insn) {
        if (method.localVariables == null) return null;
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index != var) continue;
            int s = method.instructions.indexOf(lv.start), e = method.instructions.indexOf(lv.end);
            if (insn >= s - 3 && insn < e) return lv.desc;
        }
        return null;
    }

    /** Whether instruction {@code a} dominates instruction {@code b} in the control-flow graph. */
    public boolean dominates(int a, int b) {
        if (idom[b] < 0 && b != 0) return false;
        for (int x = b; ; x = idom[x]) {
            if (x == a) return true;
            if (x == 0 || idom[x] < 0 || idom[x] == x) return false;
        }
    }

    /** Whether {@code insn} runs on every iteration of {@code loop}: it dominates all back-edge sources. */
    public boolean everyIteration(Loop loop, int insn) {
        for (int latch : loop.latches) if (!dominates(insn, latch)) return false;
        return true;
    }

    // ---------------------------------------------------------------- analysis

    private int[] edgeFrom = new int[64];
    private int[] edgeTo = new int[64];
    private boolean[] edgeExc = new boolean[64];
    private int edges;
    private int current;

    private void addEdge(int from, int to, boolean exc) {
        if (edges == edgeFrom.length) {
            edgeFrom = Arrays.copyOf(edgeFrom, edges * 2);
            edgeTo = Arrays.copyOf(edgeTo, edges * 2);
            edgeExc = Arrays.copyOf(edgeExc, edges * 2);
        }
        edgeFrom[edges] = from;
        edgeTo[edges] = to;
        edgeExc[edges] = exc;
        edges++;
    }

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

    private final class RecordingFrame extends Frame<SourceValue> {
        RecordingFrame(int locals, int stack) {
            super(locals, stack);
        }

        RecordingFrame(Frame<? extends SourceValue> f) {
            super(f);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<SourceValue> interpreter) throws AnalyzerException {
            current = method.instructions.indexOf(insn);
            operands[current] = null;
            super.execute(insn, interpreter);
        }
    }

    private void compute() throws AnalyzerException {
        operands = new SourceValue[n][];
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
                addEdge(insnIndex, successorIndex, false);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insnIndex, int successorIndex) {
                addEdge(insnIndex, successorIndex, true);
                return true;
            }
        };
        frames = analyzer.analyze(owner.name, method);
        buildGraph();
        dominators();
        findLoops();
        buildConsumers();
        attribute();
    }

    private void buildGraph() {
        // Analyzer reports an edge again each time it revisits an instruction; duplicates are harmless.
        int[] count = new int[n];
        for (int e = 0; e < edges; e++) count[edgeTo[e]]++;
        preds = new int[n][];
        for (int i = 0; i < n; i++) preds[i] = new int[count[i]];
        Arrays.fill(count, 0);
        for (int e = 0; e < edges; e++) preds[edgeTo[e]][count[edgeTo[e]]++] = edgeFrom[e];
    }

    private void dominators() {
        // Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm", over instructions.
        int[][] succ = new int[n][];
        int[] sc = new int[n];
        for (int e = 0; e < edges; e++) sc[edgeFrom[e]]++;
        for (int i = 0; i < n; i++) succ[i] = new int[sc[i]];
        Arrays.fill(sc, 0);
        for (int e = 0; e < edges; e++) succ[edgeFrom[e]][sc[edgeFrom[e]]++] = edgeTo[e];
        int[] order = new int[n];
        rpoIndex = new int[n];
        Arrays.fill(rpoIndex, -1);
        int[] stack = new int[n];
        int[] pos = new int[n];
        boolean[] seen = new boolean[n];
        int sp = 0, k = n;
        if (n == 0) {
            idom = new int[0];
            return;
        }
        stack[sp++] = 0;
        seen[0] = true;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (pos[v] < succ[v].length) {
                int w = succ[v][pos[v]++];
                if (!seen[w]) {
                    seen[w] = true;
                    stack[sp++] = w;
                }
            } else {
                sp--;
                order[--k] = v;
            }
        }
        int reached = n - k;
        int[] rpo = Arrays.copyOfRange(order, k, n);
        for (int i = 0; i < reached; i++) rpoIndex[rpo[i]] = i;
        idom = new int[n];
        Arrays.fill(idom, -1);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < reached; i++) {
                int b = rpo[i];
                int nd = -1;
                for (int p : preds[b]) {
                    if (idom[p] < 0) continue;
                    nd = nd < 0 ? p : intersect(p, nd);
                }
                if (nd >= 0 && idom[b] != nd) {
                    idom[b] = nd;
                    changed = true;
                }
            }
        }
    }

    private int intersect(int a, int b) {
        while (a != b) {
            while (rpoIndex[a] > rpoIndex[b]) a = idom[a];
            while (rpoIndex[b] > rpoIndex[a]) b = idom[b];
        }
        return a;
    }

    private void findLoops() {
        // Back edges: normal edges whose target dominates their source. Exception edges are left
        // out because javac's "any" handler for synchronized and finally covers itself.
        java.util.TreeMap<Integer, BitSet> tails = new java.util.TreeMap<>();
        for (int e = 0; e < edges; e++) {
            if (edgeExc[e]) continue;
            int t = edgeFrom[e], h = edgeTo[e];
            if (idom[t] >= 0 && dominates(h, t)) tails.computeIfAbsent(h, x -> new BitSet()).set(t);
        }
        for (var entry : tails.entrySet()) {
            int h = entry.getKey();
            BitSet body = new BitSet(n);
            body.set(h);
            int[] work = new int[n];
            int sp = 0;
            BitSet latchSet = entry.getValue();
            for (int t = latchSet.nextSetBit(0); t >= 0; t = latchSet.nextSetBit(t + 1)) {
                if (!body.get(t)) {
                    body.set(t);
                    work[sp++] = t;
                }
            }
            while (sp > 0) {
                int x = work[--sp];
                for (int p : preds[x]) {
                    if (!body.get(p) && idom[p] >= 0) {
                        body.set(p);
                        work[sp++] = p;
                    }
                }
            }
            loops.add(new Loop(h, body, latchSet.stream().toArray()));
        }
        if (loops.isEmpty() && perCallBody && n > 0) bodyRegion();
        for (Loop l : loops) {
            Loop best = null;
            for (Loop o : loops) {
                if (o != l && o.body.get(l.header) && (best == null || o.body.cardinality() < best.body.cardinality())) best = o;
            }
            l.parent = best;
            if (best != null) best.children.add(l);
        }
        innermost = new Loop[n];
        for (Loop l : loops) {
            int d = 0;
            for (Loop p = l; p != null; p = p.parent) d++;
            l.depth = d;
        }
        for (Loop l : loops) {
            int[] b = new int[l.body.cardinality()];
            int c = 0;
            int fl = Integer.MAX_VALUE, ll = -1;
            for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
                if (innermost[i] == null || innermost[i].depth < l.depth) innermost[i] = l;
                if (bci[i] >= 0) b[c++] = bci[i];
                if (insns[i].getOpcode() >= 0 && line[i] > 0) {
                    fl = Math.min(fl, line[i]);
                    ll = Math.max(ll, line[i]);
                }
            }
            l.bcis = Arrays.copyOf(b, c);
            Arrays.sort(l.bcis);
            l.firstLine = ll < 0 ? -1 : fl;
            l.lastLine = ll;
        }
        invariantMemo = new byte[loops.size()][];
    }

    /** The whole body as one region, its returns as latches, its parameters (and this) varying per call. */
    private void bodyRegion() {
        BitSet body = new BitSet(n);
        java.util.List<Integer> returns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != 0 && idom[i] < 0) continue;
            body.set(i);
            int op = insns[i].getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) returns.add(i);
        }
        if (returns.isEmpty()) return; // a method that always throws runs no normal iteration
        Loop l = new Loop(0, body, returns.stream().mapToInt(Integer::intValue).toArray());
        l.methodBodyOf = simple(owner.name) + "." + method.name;
        int slot = (method.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0;
        if (slot == 1) l.localsAssigned.set(0);
        for (Type t : Type.getArgumentTypes(method.desc)) {
            l.localsAssigned.set(slot);
            slot += t.getSize();
        }
        loops.add(l);
    }

    private void buildConsumers() {
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            if (operands[i] == null) continue;
            for (SourceValue v : operands[i]) for (AbstractInsnNode s : v.insns) count[method.instructions.indexOf(s)]++;
        }
        consumers = new int[n][];
        for (int i = 0; i < n; i++) consumers[i] = count[i] == 0 ? EMPTY : new int[count[i]];
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            if (operands[i] == null) continue;
            for (SourceValue v : operands[i]) {
                for (AbstractInsnNode s : v.insns) {
                    int si = method.instructions.indexOf(s);
                    consumers[si][count[si]++] = i;
                }
            }
        }
    }

    private static final int[] EMPTY = new int[0];

    // ---------------------------------------------------------------- per-instruction facts

    private void attribute() {
        // Write sets first: invariance questions during attribution depend on them.
        for (Loop l : loops) {
            for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
                AbstractInsnNode in = insns[i];
                int op = in.getOpcode();
                if (in instanceof VarInsnNode v && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) l.localsAssigned.set(v.var);
                else if (in instanceof IincInsnNode inc) l.localsAssigned.set(inc.var);
                else if (in instanceof FieldInsnNode f && (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC)) l.fieldsWritten.add(f.name);
                else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) l.writesArrays = true;
                else if (in instanceof MethodInsnNode m && frames[i] != null) {
                    CalleeFacts c = resolver.callee(op, m.owner, m.name, m.desc);
                    FieldWrites w = resolver.writes(op, m.owner, m.name, m.desc);
                    l.fieldsWritten.addAll(w.fields());
                    if (w.mayWriteAny() && l.unknownWriter == null) l.unknownWriter = w.unknownVia();
                    if (Intrinsics.waits(m.owner, m.name)) l.waits = l.blocks = true;
                    if (!l.opaqueCertain) {
                        String certain = certainBlocker(c, m.owner, m.name);
                        if (certain != null) block(l, true, simple(m.owner) + "." + m.name + "()", certain);
                        else if (!l.opaqueCall && !Intrinsics.isIntrinsic(m.owner, m.name) && mayBlock(c)) block(l, false, simple(m.owner) + "." + m.name + "()", mayBlockReason(c));
                    }
                } else if (op == Opcodes.MONITORENTER) {
                    l.waits = true;
                    if (!l.opaqueCertain) block(l, true, "a synchronized block", "is a memory barrier for C2");
                } else if (in instanceof FieldInsnNode f && isVolatile(f) == Boolean.TRUE) {
                    if (!l.opaqueCertain) block(l, true, "a volatile " + (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC ? "read of " : "write of ") + f.name,
                            "is a memory barrier for C2");
                }
            }
        }
        for (Loop l : loops) l.iteratorLocal = drivingIterator(l);
        for (int i = 0; i < n; i++) {
            if (frames[i] == null) continue;
            AbstractInsnNode in = insns[i];
            Loop l = innermost[i];
            switch (in.getType()) {
                case AbstractInsnNode.FIELD_INSN -> fieldFact(i, (FieldInsnNode) in, l);
                case AbstractInsnNode.METHOD_INSN -> callFact(i, (MethodInsnNode) in, l);
                case AbstractInsnNode.TYPE_INSN -> {
                    if (in.getOpcode() == Opcodes.NEW) allocationFact(i, ((TypeInsnNode) in).desc, false, -1, l);
                    else if (in.getOpcode() == Opcodes.ANEWARRAY) allocationFact(i, "[" + Type.getObjectType(((TypeInsnNode) in).desc).getDescriptor(), true, constantInt(operands[i][0]), l);
                }
                case AbstractInsnNode.INT_INSN -> {
                    if (in.getOpcode() == Opcodes.NEWARRAY) allocationFact(i, primitiveArray(((IntInsnNode) in).operand), true, constantInt(operands[i][0]), l);
                }
                case AbstractInsnNode.MULTIANEWARRAY_INSN -> allocationFact(i, ((MultiANewArrayInsnNode) in).desc, true, -1, l);
                case AbstractInsnNode.INVOKE_DYNAMIC_INSN -> indyFact(i, (InvokeDynamicInsnNode) in, l);
                case AbstractInsnNode.INSN -> {
                    if (l != null && (in.getOpcode() == Opcodes.MONITORENTER || in.getOpcode() == Opcodes.MONITOREXIT)) {
                        l.monitors.add(new Monitor(i, line[i], in.getOpcode() == Opcodes.MONITORENTER, l));
                    }
                }
                default -> { }
            }
        }
        for (Loop l : loops) l.tripCount = tripCount(l);
    }

    private static void block(Loop l, boolean certain, String text, String reason) {
        l.opaqueCall = true;
        l.opaqueCertain = certain;
        l.opaqueCallText = text;
        l.opaqueCallReason = reason;
    }

    /** Why C2 will not inline this callee whatever the profile says, or null. */
    private static String certainBlocker(CalleeFacts c, String owner, String name) {
        if (Intrinsics.isBarrier(owner, name)) return "is an atomic or ordered memory access, a memory barrier for C2";
        if (c.knownReadOnly() || !c.readable() || Intrinsics.isIntrinsic(owner, name)) return null;
        if (c.isNative()) return "is native";
        if (c.codeSize() > FREQ_INLINE_SIZE) return "is " + c.codeSize() + " bytes of bytecode, above FreqInlineSize (" + FREQ_INLINE_SIZE + ")";
        if (c.recursive()) return "is recursive";
        return null;
    }

    /**
     * A callee C2 may or may not inline: it is not readable here, or it is a virtual call whose
     * implementations are unknown or several. C2 inlines the one or two receiver classes the
     * profile saw, so only the profile can say whether the call stays.
     */
    private static boolean mayBlock(CalleeFacts c) {
        if (c.knownReadOnly()) return false;
        return !c.readable() || c.implementations() >= 3 || (c.isAbstract() && c.implementations() != 1);
    }

    private static String mayBlockReason(CalleeFacts c) {
        if (c.implementations() >= 3) return "has " + c.implementations() + " implementations on the analysed class path";
        if (!c.readable()) return "is not on the analysed class path";
        return "is an interface or abstract call whose implementations are not known here";
    }

    /**
     * The local holding the iterator whose {@code hasNext()} decides the loop's exit (the for-each
     * protocol), or -1.
     */
    private int drivingIterator(Loop l) {
        for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
            if (!(insns[i] instanceof JumpInsnNode j) || operands[i] == null) continue;
            int op = j.getOpcode();
            if (op != Opcodes.IFEQ && op != Opcodes.IFNE) continue;
            boolean exits = !l.contains(method.instructions.indexOf(j.label)) || (i + 1 < n && !l.contains(i + 1));
            if (!exits || operands[i][0].insns.size() != 1) continue;
            int hi = method.instructions.indexOf(operands[i][0].insns.iterator().next());
            if (!(insns[hi] instanceof MethodInsnNode has) || !has.name.equals("hasNext") || !has.desc.equals("()Z")
                    || operands[hi] == null || operands[hi][0].insns.size() != 1) continue;
            if (operands[hi][0].insns.iterator().next() instanceof VarInsnNode ld && ld.getOpcode() == Opcodes.ALOAD
                    && !l.assignsLocal(ld.var)) {
                return ld.var;
            }
        }
        return -1;
    }

    /** HotSpot's -XX:FreqInlineSize default on x86_64 and aarch64: hot callees above this many bytecode bytes are not inlined. */
    public static final int FREQ_INLINE_SIZE = 325;

    private Boolean isVolatile(FieldInsnNode f) {
        FieldNode fn = resolver.field(f.owner, f.name);
        return fn == null ? null : (fn.access & Opcodes.ACC_VOLATILE) != 0;
    }

    private void fieldFact(int i, FieldInsnNode f, Loop l) {
        if (l == null) return;
        int op = f.getOpcode();
        boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
        boolean write = op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC;
        FieldNode fn = resolver.field(f.owner, f.name);
        Boolean vol = fn == null ? null : (fn.access & Opcodes.ACC_VOLATILE) != 0;
        Boolean fin = fn == null ? null : (fn.access & Opcodes.ACC_FINAL) != 0;
        Value recv = isStatic ? null : value(l, i, operands[i][0]);
        FieldAccess fa = new FieldAccess(i, line[i], write, isStatic, f.owner, f.name, f.desc, vol, fin, recv, everyIteration(l, i), l);
        fieldAccesses.add(fa);
        l.fieldAccesses.add(fa);
        if (Boolean.TRUE.equals(vol)) l.volatileAccesses.add(fa);
    }

    private static final Set<String> REFLECTIVE = Set.of(
            "java/lang/reflect/Method.invoke", "java/lang/reflect/Constructor.newInstance",
            "java/lang/reflect/Field.get", "java/lang/reflect/Field.set", "java/lang/reflect/Field.getInt",
            "java/lang/reflect/Field.getLong", "java/lang/reflect/Field.getDouble", "java/lang/reflect/Field.getBoolean",
            "java/lang/reflect/Field.setInt", "java/lang/reflect/Field.setLong", "java/lang/reflect/Field.setDouble",
            "java/lang/reflect/Field.setBoolean", "java/lang/reflect/Array.get", "java/lang/reflect/Array.set",
            "java/lang/Class.forName", "java/lang/Class.getMethod", "java/lang/Class.getDeclaredMethod",
            "java/lang/Class.getMethods", "java/lang/Class.getDeclaredMethods", "java/lang/Class.getField",
            "java/lang/Class.getDeclaredField", "java/lang/Class.getFields", "java/lang/Class.getDeclaredFields",
            "java/lang/Class.getConstructor", "java/lang/Class.getDeclaredConstructor", "java/lang/Class.newInstance",
            "java/lang/Class.getConstructors", "java/lang/Class.getDeclaredConstructors");

    private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Double",
            "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean");

    private void callFact(int i, MethodInsnNode m, Loop l) {
        int op = m.getOpcode();
        SourceValue[] ops = operands[i];
        boolean hasRecv = op != Opcodes.INVOKESTATIC;
        Value recv = null;
        List<Value> args = new ArrayList<>();
        if (l != null) {
            int k = 0;
            if (hasRecv && !m.name.equals("<init>")) recv = value(l, i, ops[k]);
            if (hasRecv) k++;
            for (; k < ops.length; k++) args.add(value(l, i, ops[k]));
        }
        // Rules ask about callees only inside loops; resolving the others would read classes for nothing.
        CalleeFacts callee = l != null ? resolver.callee(op, m.owner, m.name, m.desc)
                : CalleeFacts.unresolved(ReadOnlyMethods.contains(m.owner, m.name));
        boolean returnsValue = !m.desc.endsWith(")V");
        Uses uses = returnsValue && l != null ? uses(i) : Uses.NONE;
        CallSite c = new CallSite(i, line[i], op, m.owner, m.name, m.desc, recv, List.copyOf(args), callee,
                l != null && everyIteration(l, i), uses, l);
        calls.add(c);
        if (l == null) return;
        l.calls.add(c);
        if (REFLECTIVE.contains(m.owner + "." + m.name)) l.reflectiveCalls.add(c);
        if (BOXES.contains(m.owner)) {
            Type[] at = Type.getArgumentTypes(m.desc);
            if (op == Opcodes.INVOKESTATIC && m.name.equals("valueOf") && at.length == 1 && at[0].getSort() != Type.OBJECT) {
                boxingFact(i, m, l);
            } else if (op == Opcodes.INVOKEVIRTUAL && m.name.endsWith("Value") && at.length == 0) {
                l.boxings.add(new Boxing(i, line[i], false, m.owner, -1, null, l));
            }
        }
        copyFact(i, m, l, c);
        if (m.owner.equals("java/lang/StringBuilder") && m.name.equals("toString")) sbConcatFact(i, l);
    }

    private void boxingFact(int i, MethodInsnNode m, Loop l) {
        int acc = -1;
        String name = null;
        for (int c : consumers[i]) {
            if (insns[c].getOpcode() == Opcodes.ASTORE) {
                int var = ((VarInsnNode) insns[c]).var;
                if (dependsOn(operands[i][0], x -> x.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) x).var == var, 6)) {
                    acc = var;
                    name = localName(var, c);
                }
            }
        }
        l.boxings.add(new Boxing(i, line[i], true, m.owner, acc, name, l));
    }

    private void copyFact(int i, MethodInsnNode m, Loop l, CallSite c) {
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
            for (AbstractInsnNode s : operands[i][0].insns) {
                int si = method.instructions.indexOf(s);
                if (insns[si].getOpcode() == Opcodes.DUP) for (AbstractInsnNode s2 : operands[si][0].insns) producer = method.instructions.indexOf(s2);
                else if (insns[si].getOpcode() == Opcodes.NEW) producer = si;
            }
            if (producer < 0) return;
        }
        Uses u = uses(producer);
        String source = c.receiver() != null ? c.receiver().text() : c.arguments().isEmpty() ? "" : c.arguments().get(0).text();
        boolean growth = false;
        if (m.owner.equals("java/util/Arrays")) {
            String srcKey = c.arguments().isEmpty() ? null : c.arguments().get(0).key();
            if (srcKey != null) {
                if (u.storedLocal() >= 0 && srcKey.equals("L" + u.storedLocal())) growth = true;
                for (int cons : consumers[producer]) {
                    if (insns[cons] instanceof FieldInsnNode f && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)
                            && srcKey.endsWith("." + f.name)) growth = true;
                    if (insns[cons] instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && srcKey.equals("L" + v.var)) growth = true;
                }
            }
        }
        l.copies.add(new Copy(i, line[i], what, source, growth, u, l));
    }

    private void indyFact(int i, InvokeDynamicInsnNode d, Loop l) {
        if (l == null) return;
        Handle bsm = d.bsm;
        if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
            String carried = null;
            for (int c : consumers[i]) carried = carriedTarget(l, c, operands[i]);
            l.concats.add(new StringConcat(i, line[i], true, carried, indyParts(l, i, d), l));
        } else if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
            String impl = d.bsmArgs.length > 1 && d.bsmArgs[1] instanceof Handle h ? h.getOwner() + "." + h.getName() : null;
            l.lambdas.add(new LambdaCapture(i, line[i], Type.getReturnType(d.desc).getInternalName(),
                    Type.getArgumentTypes(d.desc).length, impl, l));
        }
    }

    /** The operands of a makeConcat(WithConstants) call, with the recipe's constants, in order. */
    private List<String> indyParts(Loop l, int i, InvokeDynamicInsnNode d) {
        List<String> parts = new ArrayList<>();
        Type[] types = Type.getArgumentTypes(d.desc);
        SourceValue[] ops = operands[i];
        if (ops == null) return parts;
        if (d.name.equals("makeConcatWithConstants") && d.bsmArgs.length > 0 && d.bsmArgs[0] instanceof String recipe) {
            int arg = 0, cst = 1;
            StringBuilder lit = new StringBuilder();
            for (int k = 0; k < recipe.length(); k++) {
                char ch = recipe.charAt(k);
                if (ch == '\u0001' || ch == '\u0002') {
                    if (lit.length() > 0) parts.add(quote(lit.toString()));
                    lit.setLength(0);
                    if (ch == '\u0001' && arg < ops.length) {
                        parts.add(operandText(l, i, ops[arg], types[arg]));
                        arg++;
                    } else if (ch == '\u0002' && cst < d.bsmArgs.length) {
                        parts.add(quote(String.valueOf(d.bsmArgs[cst++])));
                    }
                } else {
                    lit.append(ch);
                }
            }
            if (lit.length() > 0) parts.add(quote(lit.toString()));
        } else {
            for (int k = 0; k < ops.length; k++) parts.add(operandText(l, i, ops[k], types[k]));
        }
        return parts;
    }

    private String operandText(Loop l, int at, SourceValue v, Type t) {
        Value val = value(l, at, v);
        if (t.getSort() == Type.CHAR && val.kind() == Value.Kind.CONSTANT) {
            try {
                return quoteChar((char) Integer.parseInt(val.text()));
            } catch (NumberFormatException e) {
                return val.text();
            }
        }
        return val.text();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }

    private static String quoteChar(char c) {
        return switch (c) {
            case '\n' -> "'\\n'";
            case '\t' -> "'\\t'";
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            default -> "'" + c + "'";
        };
    }

    /**
     * If concatenation result consumer {@code c} assigns a local or field that one of the
     * concatenated parts reads, and that value is carried from the previous iteration, its name.
     */
    private String carriedTarget(Loop l, int c, SourceValue[] parts) {
        AbstractInsnNode store = insns[c];
        if (store.getOpcode() == Opcodes.CHECKCAST && consumers[c].length == 1) {
            c = consumers[c][0];
            store = insns[c];
        }
        if (store instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
            for (SourceValue p : parts) {
                for (AbstractInsnNode s : p.insns) {
                    int si = method.instructions.indexOf(s);
                    int li = throughValueOf(si);
                    if (insns[li] instanceof VarInsnNode ld && ld.getOpcode() == Opcodes.ALOAD && ld.var == v.var) {
                        for (AbstractInsnNode def : operands[li][0].insns) {
                            int di = method.instructions.indexOf(def);
                            if (l.contains(di) && di >= li) return name(v.var, c);
                        }
                    }
                }
            }
        } else if (store instanceof FieldInsnNode f && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)) {
            for (SourceValue p : parts) {
                for (AbstractInsnNode s : p.insns) {
                    int li = throughValueOf(method.instructions.indexOf(s));
                    if (insns[li] instanceof FieldInsnNode g && (g.getOpcode() == Opcodes.GETFIELD || g.getOpcode() == Opcodes.GETSTATIC) && g.name.equals(f.name)) {
                        return f.getOpcode() == Opcodes.PUTSTATIC ? simple(f.owner) + "." + f.name : "this." + f.name;
                    }
                }
            }
        }
        return null;
    }

    private int throughValueOf(int si) {
        if (insns[si] instanceof MethodInsnNode m && m.name.equals("valueOf") && m.owner.equals("java/lang/String")
                && operands[si] != null && operands[si].length == 1 && operands[si][0].insns.size() == 1) {
            return method.instructions.indexOf(operands[si][0].insns.iterator().next());
        }
        if (insns[si].getOpcode() == Opcodes.CHECKCAST && operands[si] != null && operands[si][0].insns.size() == 1) {
            return method.instructions.indexOf(operands[si][0].insns.iterator().next());
        }
        return si;
    }

    private void sbConcatFact(int i, Loop l) {
        // Walk the append chain back to the NEW StringBuilder, collecting the appended parts.
        List<SourceValue> parts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        SourceValue recv = operands[i][0];
        for (int guard = 0; guard < 64 && recv.insns.size() == 1; guard++) {
            int si = method.instructions.indexOf(recv.insns.iterator().next());
            AbstractInsnNode s = insns[si];
            if (s instanceof MethodInsnNode m && m.owner.equals("java/lang/StringBuilder") && m.name.equals("append") && operands[si] != null) {
                parts.add(operands[si][1]);
                texts.add(0, operandText(l, si, operands[si][1], Type.getArgumentTypes(m.desc)[0]));
                recv = operands[si][0];
            } else if (s.getOpcode() == Opcodes.DUP && operands[si] != null) {
                // ASM gives both copies of a dup the dup as source; the builder is the dup's operand.
                recv = operands[si][0];
            } else if (s.getOpcode() == Opcodes.NEW) {
                for (int c : consumers[si]) {
                    if (insns[c].getOpcode() != Opcodes.DUP) continue;
                    for (int c2 : consumers[c]) {
                        if (insns[c2] instanceof MethodInsnNode init && init.name.equals("<init>") && operands[c2].length == 2
                                && !init.desc.equals("(I)V")) {
                            parts.add(operands[c2][1]);
                            texts.add(0, operandText(l, c2, operands[c2][1], Type.getArgumentTypes(init.desc)[0]));
                        }
                    }
                }
                String carried = null;
                for (int c : consumers[i]) {
                    String t = carriedTarget(l, c, parts.toArray(new SourceValue[0]));
                    if (t != null) carried = t;
                }
                l.concats.add(new StringConcat(i, line[i], false, carried, texts, l));
                return;
            } else {
                return;
            }
        }
    }

    private void allocationFact(int i, String type, boolean array, int constLen, Loop l) {
        String ctor = null;
        if (!array) {
            for (int c : consumers[i]) {
                if (insns[c].getOpcode() != Opcodes.DUP) continue;
                for (int c2 : consumers[c]) {
                    if (insns[c2] instanceof MethodInsnNode init && init.name.equals("<init>") && init.owner.equals(type)) ctor = init.desc;
                }
            }
        }
        Allocation a = new Allocation(i, line[i], type, array, constLen, ctor, uses(i), l != null && everyIteration(l, i), l);
        allocations.add(a);
        if (l != null) l.allocations.add(a);
    }

    private static String primitiveArray(int t) {
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

    // ---------------------------------------------------------------- uses (escape)

    private static final Set<String> KEEPING = Set.of("add", "addAll", "put", "putAll", "offer", "offerFirst",
            "offerLast", "push", "addFirst", "addLast", "set", "putIfAbsent", "computeIfAbsent", "merge", "accept", "<init>");

    /**
     * The instruction index that produced argument {@code argument} (0 = the first after the
     * receiver) of call {@code c}, or -1 when several could have: how a rule ties a call to the
     * value it was handed (this box, this substring, this lambda) instead of comparing rendered text.
     */
    public int argumentProducer(CallSite c, int argument) {
        SourceValue[] ops = operands[c.insn()];
        int k = argument + (c.isStatic() ? 0 : 1);
        if (ops == null || argument < 0 || k >= ops.length || ops[k].insns.size() != 1) return -1;
        return method.instructions.indexOf(ops[k].insns.iterator().next());
    }

    /**
     * The classes (internal names, sorted) holding the bodies a virtual or interface call can reach
     * on the analysed path, when all are known; empty otherwise. Asked for by rules that name them in a fix.
     */
    public List<String> implementingClasses(CallSite c) {
        return resolver.implementingClasses(c.owner(), c.name(), c.descriptor());
    }

    /** Where the value produced by instruction {@code producer} goes, followed through copies and locals. */
    public Uses uses(int producer) {
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
            for (int c : consumers[x]) {
                AbstractInsnNode in = insns[c];
                int op = in.getOpcode();
                int pos = operandPosition(c, x);
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
                        } else if (KEEPING.contains(m.name)) {
                            out.add(Uses.Escape.KEPT_BY_CALL);
                            if (keptBy == null) keptBy = simple(m.owner) + "." + m.name;
                        } else {
                            out.add(Uses.Escape.PASSED);
                            if (passedCalls++ == 0) passedTo = simple(m.owner) + "." + m.name;
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

    private int operandPosition(int c, int producer) {
        SourceValue[] ops = operands[c];
        if (ops == null) return -1;
        AbstractInsnNode p = insns[producer];
        for (int k = 0; k < ops.length; k++) if (ops[k].insns.contains(p)) return k;
        return -1;
    }

    private boolean dependsOn(SourceValue v, java.util.function.Predicate<AbstractInsnNode> p, int depth) {
        if (depth < 0) return false;
        for (AbstractInsnNode s : v.insns) {
            if (p.test(s)) return true;
            SourceValue[] ops = operands[method.instructions.indexOf(s)];
            if (ops != null && s.getOpcode() != Opcodes.ALOAD) {
                for (SourceValue o : ops) if (dependsOn(o, p, depth - 1)) return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- invariance and names

    /** Describes a stack value consumed at {@code at} with respect to {@code loop}. */
    public Value value(Loop loop, int at, SourceValue v) {
        boolean inv = invariant(loop, v);
        if (v.insns.size() != 1) return new Value(Value.Kind.COMPUTED, inv, "…", null);
        int si = method.instructions.indexOf(v.insns.iterator().next());
        return describe(loop, si, inv, 0);
    }

    private Value describe(Loop loop, int si, boolean inv, int depth) {
        AbstractInsnNode s = insns[si];
        int op = s.getOpcode();
        if (depth > 4) return new Value(Value.Kind.COMPUTED, inv, "…", null);
        if (s instanceof VarInsnNode v && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            if (v.var == 0 && (method.access & Opcodes.ACC_STATIC) == 0 && !assignedAnywhere(0)) return new Value(Value.Kind.THIS, true, "this", "this");
            String nm = localName(v.var, si);
            if (nm == null) {
                // javac's synthetic locals (for-each array copy, length) have no name: name their single definition.
                SourceValue local = operands[si] == null ? null : operands[si][0];
                if (local != null && local.insns.size() == 1) {
                    int def = method.instructions.indexOf(local.insns.iterator().next());
                    if (operands[def] != null && operands[def][0].insns.size() == 1) {
                        Value d = describe(loop, method.instructions.indexOf(operands[def][0].insns.iterator().next()), inv, depth + 1);
                        return new Value(Value.Kind.LOCAL, inv, d.text(), "L" + v.var);
                    }
                }
                nm = "local" + v.var;
            }
            return new Value(Value.Kind.LOCAL, inv, nm, "L" + v.var);
        }
        if (s instanceof FieldInsnNode f && op == Opcodes.GETSTATIC) {
            FieldNode fn = resolver.field(f.owner, f.name);
            boolean constant = fn != null && (fn.access & Opcodes.ACC_FINAL) != 0;
            return new Value(constant ? Value.Kind.CONSTANT : Value.Kind.STATIC, inv, simple(f.owner) + "." + f.name, f.owner + "." + f.name);
        }
        if (s instanceof FieldInsnNode f && op == Opcodes.GETFIELD) {
            Value r = sub(loop, si, 0, depth);
            return new Value(Value.Kind.FIELD, inv, r.text() + "." + f.name, r.key() == null ? null : r.key() + "." + f.name);
        }
        if (op == Opcodes.ARRAYLENGTH) {
            Value r = sub(loop, si, 0, depth);
            return new Value(Value.Kind.COMPUTED, inv, r.text() + ".length", null);
        }
        if (s instanceof MethodInsnNode m) {
            StringBuilder t = new StringBuilder();
            int k = 0;
            if (op != Opcodes.INVOKESTATIC) t.append(sub(loop, si, k++, depth).text());
            else t.append(simple(m.owner));
            t.append('.').append(m.name).append('(');
            SourceValue[] ops = operands[si];
            for (int a = k; ops != null && a < ops.length; a++) {
                if (a > k) t.append(", ");
                t.append(sub(loop, si, a, depth).text());
            }
            return new Value(Value.Kind.COMPUTED, inv, t.append(')').toString(), null);
        }
        if (op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL || op == Opcodes.IDIV) {
            String sym = op == Opcodes.IADD ? " + " : op == Opcodes.ISUB ? " - " : op == Opcodes.IMUL ? " * " : " / ";
            return new Value(Value.Kind.COMPUTED, inv, sub(loop, si, 0, depth).text() + sym + sub(loop, si, 1, depth).text(), null);
        }
        if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
            // an array element: orders[i]
            return new Value(Value.Kind.COMPUTED, inv, sub(loop, si, 0, depth).text() + "[" + sub(loop, si, 1, depth).text() + "]", null);
        }
        if (op == Opcodes.CHECKCAST || op == Opcodes.DUP) {
            Value r = sub(loop, si, 0, depth);
            return new Value(r.kind(), inv, r.text(), r.key());
        }
        if (op >= Opcodes.I2L && op <= Opcodes.I2S) {
            // a widening or narrowing cast, written as the source would: (long) amount
            String to = switch (op) {
                case Opcodes.I2L, Opcodes.F2L, Opcodes.D2L -> "long";
                case Opcodes.I2F, Opcodes.L2F, Opcodes.D2F -> "float";
                case Opcodes.I2D, Opcodes.L2D, Opcodes.F2D -> "double";
                case Opcodes.I2B -> "byte";
                case Opcodes.I2C -> "char";
                case Opcodes.I2S -> "short";
                default -> "int";
            };
            Value r = sub(loop, si, 0, depth);
            return new Value(Value.Kind.COMPUTED, inv, "(" + to + ") " + r.text(), null);
        }
        int c = constantInt(s);
        if (c != Integer.MIN_VALUE) return new Value(Value.Kind.CONSTANT, true, Integer.toString(c), null);
        if (s instanceof LdcInsnNode ldc) {
            String text = ldc.cst instanceof String str ? '"' + str + '"' : String.valueOf(ldc.cst);
            return new Value(Value.Kind.CONSTANT, true, text, null);
        }
        if (op == Opcodes.ACONST_NULL) return new Value(Value.Kind.CONSTANT, true, "null", null);
        return new Value(Value.Kind.COMPUTED, inv, "…", null);
    }

    private Value sub(Loop loop, int si, int k, int depth) {
        SourceValue[] ops = operands[si];
        if (ops == null || k >= ops.length || ops[k].insns.size() != 1) return new Value(Value.Kind.COMPUTED, false, "…", null);
        int x = method.instructions.indexOf(ops[k].insns.iterator().next());
        return describe(loop, x, loop == null || invariantInsn(loop, x), depth + 1);
    }

    private Boolean thisReassigned;

    private boolean assignedAnywhere(int var) {
        // Only asked for slot 0 ("is this still this?"); cached so large methods stay linear.
        if (var == 0 && thisReassigned != null) return thisReassigned;
        boolean r = false;
        for (AbstractInsnNode in : insns) {
            if (in instanceof VarInsnNode v && v.var == var && v.getOpcode() >= Opcodes.ISTORE) r = true;
        }
        if (var == 0) thisReassigned = r;
        return r;
    }

    /** Whether a value is the same on every iteration of {@code loop}. */
    public boolean invariant(Loop loop, SourceValue v) {
        if (v.insns.isEmpty()) return true;
        for (AbstractInsnNode s : v.insns) if (!invariantInsn(loop, method.instructions.indexOf(s))) return false;
        return true;
    }

    private boolean invariantInsn(Loop loop, int si) {
        if (!loop.contains(si)) return true;
        int li = loops.indexOf(loop);
        byte[] memo = invariantMemo[li];
        if (memo == null) memo = invariantMemo[li] = new byte[n];
        if (memo[si] != 0) return memo[si] == 1;
        memo[si] = 2; // cycles through phis are not invariant
        boolean r = computeInvariant(loop, si);
        memo[si] = (byte) (r ? 1 : 2);
        return r;
    }

    private boolean computeInvariant(Loop loop, int si) {
        AbstractInsnNode s = insns[si];
        int op = s.getOpcode();
        SourceValue[] ops = operands[si];
        if (op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC) return true;
        if (s instanceof VarInsnNode v && op <= Opcodes.ALOAD) return !loop.assignsLocal(v.var);
        if (s instanceof FieldInsnNode f) {
            FieldNode fn = resolver.field(f.owner, f.name);
            if (fn != null && (fn.access & Opcodes.ACC_VOLATILE) != 0) return false;
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

    static String simple(String internal) {
        String s = internal.substring(internal.lastIndexOf('/') + 1);
        return s.replace('$', '.');
    }

    private String name(int var, int at) {
        String nm = localName(var, at);
        return nm == null ? "local" + var : nm;
    }

    // ---------------------------------------------------------------- trip count

    private TripCount tripCount(Loop l) {
        for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
            if (!(insns[i] instanceof JumpInsnNode j) || frames[i] == null) continue;
            int op = j.getOpcode();
            if (op == Opcodes.GOTO || op == Opcodes.JSR) continue;
            boolean exits = !l.contains(method.instructions.indexOf(j.label)) || (i + 1 < n && !l.contains(i + 1));
            if (!exits) continue;
            SourceValue[] ops = operands[i];
            if (op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ICMPLE) {
                for (int side = 0; side < 2; side++) {
                    if (induction(l, ops[side]) && invariant(l, ops[1 - side])) return bound(l, i, ops[1 - side]);
                }
            } else if ((op == Opcodes.IFEQ || op == Opcodes.IFNE) && collectionIterator(l, ops[0]) != null) {
                return new TripCount(true, TripCount.Kind.COLLECTION_SIZE, collectionIterator(l, ops[0]) + ".size()");
            } else if (op >= Opcodes.IFEQ && op <= Opcodes.IFLE && induction(l, ops[0])) {
                // A count-down (while (n-- > 0), for (i = k; i >= 0; i--)): the bound is the start value.
                int si = method.instructions.indexOf(ops[0].insns.iterator().next());
                String bound = name(((VarInsnNode) insns[si]).var, si);
                List<Integer> entry = new ArrayList<>();
                for (AbstractInsnNode def : operands[si][0].insns) if (!l.contains(method.instructions.indexOf(def))) entry.add(method.instructions.indexOf(def));
                if (entry.size() == 1 && insns[entry.get(0)].getOpcode() == Opcodes.ISTORE && operands[entry.get(0)] != null
                        && operands[entry.get(0)][0].insns.size() == 1) {
                    Value start = describe(l, method.instructions.indexOf(operands[entry.get(0)][0].insns.iterator().next()), true, 0);
                    if (!start.text().contains("…")) bound = start.text();
                }
                return new TripCount(true, TripCount.Kind.INT_BOUND, bound);
            }
        }
        return TripCount.UNKNOWN;
    }

    private static final Set<String> SIZED = Set.of("java/util/Collection", "java/util/List", "java/util/Set",
            "java/util/ArrayList", "java/util/LinkedList", "java/util/HashSet", "java/util/TreeSet", "java/util/LinkedHashSet",
            "java/util/ArrayDeque", "java/util/Queue", "java/util/Deque", "java/util/SortedSet", "java/util/NavigableSet");

    /**
     * For {@code it.hasNext()} where {@code it} is a local set once from {@code c.iterator()} on a
     * collection (whose size is known before the loop), the text of {@code c}; else null. A plain
     * Iterable or an Iterator from elsewhere has no size.
     */
    private String collectionIterator(Loop l, SourceValue v) {
        if (v.insns.size() != 1) return null;
        int hi = method.instructions.indexOf(v.insns.iterator().next());
        if (!(insns[hi] instanceof MethodInsnNode has) || !has.name.equals("hasNext") || operands[hi] == null) return null;
        SourceValue it = operands[hi][0];
        if (it.insns.size() != 1 || !(it.insns.iterator().next() instanceof VarInsnNode ld) || l.assignsLocal(ld.var)) return null;
        int li = method.instructions.indexOf(ld);
        SourceValue defs = operands[li][0];
        if (defs.insns.size() != 1) return null;
        int di = method.instructions.indexOf(defs.insns.iterator().next());
        if (operands[di] == null || operands[di][0].insns.size() != 1) return null;
        int ci = method.instructions.indexOf(operands[di][0].insns.iterator().next());
        if (!(insns[ci] instanceof MethodInsnNode call) || !call.name.equals("iterator") || !SIZED.contains(call.owner)) return null;
        return value(l, ci, operands[ci][0]).text();
    }

    /** A load of an int local that the loop only changes by a constant step (i++, i--, i += k). */
    private boolean induction(Loop l, SourceValue v) {
        if (v.insns.size() != 1) return false;
        AbstractInsnNode s = v.insns.iterator().next();
        if (!(s instanceof VarInsnNode ld) || ld.getOpcode() != Opcodes.ILOAD) return false;
        if (!l.assignsLocal(ld.var)) return false;
        for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
            if (insns[i] instanceof VarInsnNode st && st.getOpcode() == Opcodes.ISTORE && st.var == ld.var) {
                SourceValue[] ops = operands[i];
                if (ops == null || ops[0].insns.size() != 1) return false;
                int ai = method.instructions.indexOf(ops[0].insns.iterator().next());
                int aop = insns[ai].getOpcode();
                if (aop != Opcodes.IADD && aop != Opcodes.ISUB) return false;
                SourceValue[] ab = operands[ai];
                boolean selfPlusInv = (loadsVar(ab[0], ld.var) && invariant(l, ab[1])) || (loadsVar(ab[1], ld.var) && invariant(l, ab[0]));
                if (!selfPlusInv) return false;
            }
        }
        return true;
    }

    private static boolean loadsVar(SourceValue v, int var) {
        return v.insns.size() == 1 && v.insns.iterator().next() instanceof VarInsnNode x && x.getOpcode() == Opcodes.ILOAD && x.var == var;
    }

    private TripCount bound(Loop l, int at, SourceValue v) {
        Value d = value(l, at, v);
        TripCount.Kind kind = TripCount.Kind.INT_BOUND;
        int si = v.insns.size() == 1 ? method.instructions.indexOf(v.insns.iterator().next()) : -1;
        // Look through a synthetic or plain local holding the bound (for-each over an array keeps len$).
        for (int guard = 0; si >= 0 && guard < 3 && insns[si].getOpcode() == Opcodes.ILOAD && operands[si] != null
                && operands[si][0].insns.size() == 1; guard++) {
            int def = method.instructions.indexOf(operands[si][0].insns.iterator().next());
            if (operands[def] == null || operands[def][0].insns.size() != 1) break;
            si = method.instructions.indexOf(operands[def][0].insns.iterator().next());
        }
        if (si >= 0) {
            if (insns[si].getOpcode() == Opcodes.ARRAYLENGTH) kind = TripCount.Kind.ARRAY_LENGTH;
            else if (insns[si] instanceof MethodInsnNode m && (m.name.equals("size") || m.name.equals("length"))) kind = TripCount.Kind.COLLECTION_SIZE;
        }
        return new TripCount(true, kind, d.text());
    }
}
