package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Everything the rules may ask about one method, computed once: the control-flow graph (from
 * ASM's {@link org.objectweb.asm.tree.analysis.Analyzer}, exception edges included, see
 * {@link ControlFlow}), dominators, natural loops with their nest, bci and line ranges
 * ({@link LoopNest}), and per-instruction facts (field accesses, calls with callee facts,
 * allocations with escape, boxing, copies, string concatenation, lambdas, monitors, reflection)
 * attributed to the innermost loop that contains them ({@link FactExtraction}). Rules are
 * predicates over these facts and never walk instructions themselves.
 */
public final class MethodFacts {
    /** HotSpot's -XX:FreqInlineSize default on x86_64 and aarch64: hot callees above this many bytecode bytes are not inlined. */
    public static final int FREQ_INLINE_SIZE = 325;

    private final ClassNode owner;
    private final MethodNode method;
    private final CalleeResolver resolver;
    final AbstractInsnNode[] insns;
    private final int n;
    private final int[] bci;
    private final int[] line;
    final OperandFlow flow;
    private final ControlFlow cfg;
    private final List<Loop> loops;
    final Invariance invariance;
    final SourceText text;
    final UsesAnalysis uses;
    /** Filled by the extractors while the facts are made; read through the read-only views below. */
    final List<FieldAccess> fieldAccesses = new ArrayList<>();
    final List<CallSite> calls = new ArrayList<>();
    final List<Allocation> allocations = new ArrayList<>();
    private final List<FieldAccess> fieldAccessView = Collections.unmodifiableList(fieldAccesses);
    private final List<CallSite> callView = Collections.unmodifiableList(calls);
    private final List<Allocation> allocationView = Collections.unmodifiableList(allocations);

    private MethodFacts(ClassNode owner, MethodNode method, int[] offsets, CalleeResolver resolver, boolean perCallBody)
            throws AnalyzerException {
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
        this.flow = OperandFlow.analyze(owner.name, method, insns);
        this.cfg = flow.controlFlow();
        LoopNest nest = new LoopNest(owner.name, method, insns, bci, line, cfg, perCallBody);
        this.invariance = new Invariance(insns, flow, resolver, nest.loops().size());
        this.text = new SourceText(method, insns, flow, invariance, resolver);
        this.uses = new UsesAnalysis(insns, flow, resolver::keepsArgument);
        new FactExtraction(this, nest).run();
        List<Loop> frozen = new ArrayList<>(nest.loops().size());
        for (Loop.Builder b : nest.loops()) frozen.add(b.freeze());
        this.loops = Collections.unmodifiableList(frozen);
    }

    /**
     * A cheap test that avoids all analysis for straight-line methods: a loop needs a jump or
     * switch to an earlier-or-same instruction, or a handler at or before the code it covers.
     */
    /** The most loop work (see {@link #loopWork}) one method may take; about 2 s of analysis at this size. */
    public static final long LOOP_WORK_BUDGET = 250_000;

    /**
     * The sum, over the method's backward jumps, of the instructions each one spans: what the
     * loop facts cost, found in one pass before any of them is computed. Linear code and loops one
     * after another stay small; every level of nesting adds the whole nest again.
     */
    static long loopWork(MethodNode m) {
        long work = 0;
        for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
            if (in instanceof JumpInsnNode j) {
                int from = m.instructions.indexOf(j);
                int to = m.instructions.indexOf(j.label);
                if (to <= from) work += from - to;
            }
        }
        return work;
    }

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
        long work = loopWork(method);
        if (work > LOOP_WORK_BUDGET) {
            // the loop facts cost about the sum of the loops' sizes: deeply nested loops (generated code) grow it
            // with the square of the nesting, and one such method must not hold up a whole jar
            throw new AnalyzerException(null, "its loops span " + work + " instructions in all (deeply nested?), more than the "
                    + LOOP_WORK_BUDGET + " Hoist analyzes in one method");
        }
        return new MethodFacts(owner, method, offsets == null ? null : offsets.of(method.name, method.desc), resolver, perCallBody);
    }

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
    public List<Loop> loops() { return loops; }
    public List<FieldAccess> fieldAccesses() { return fieldAccessView; }
    /** Every call in the method, in or out of loops (see {@link CallSite#loop()}). */
    public List<CallSite> calls() { return callView; }
    /** Every allocation in the method, in or out of loops. */
    public List<Allocation> allocations() { return allocationView; }
    public int instructionCount() { return n; }
    public AbstractInsnNode instruction(int i) { return insns[i]; }
    /** The original bytecode offset of an instruction, -1 for labels and line numbers. */
    public int bci(int insn) { return bci[insn]; }

    /** The instruction at bytecode offset {@code bci}, or null when none starts there. */
    public AbstractInsnNode instructionAt(int bci) {
        int i = indexAt(bci);
        return i < 0 ? null : insns[i];
    }
    public int line(int insn) { return line[insn]; }
    public CalleeResolver resolver() { return resolver; }

    /** The name of local {@code var} at instruction {@code insn} from the LocalVariableTable, else null. */
    public String localName(int var, int insn) {
        return text.localName(var, insn);
    }

    private ErrorPaths errorPaths;

    /**
     * Whether instruction {@code insn} lies on an error path: it can only end in a throw, or only a
     * catch reaches it (see {@link ErrorPaths}).
     */
    public synchronized boolean onErrorPath(int insn) {
        if (errorPaths == null) errorPaths = new ErrorPaths(insns, cfg, resolver);
        return errorPaths.onErrorPath(insn);
    }

    /** The index of the instruction at bytecode offset {@code bci}, or -1 when none starts there. */
    public int indexAt(int bci) {
        for (int i = 0; i < n; i++) {
            if (this.bci[i] == bci) return i;
        }
        return -1;
    }

    /** A type variable in a generic signature ("TE;"), bound only where its class or method declares it. */
    private static final java.util.regex.Pattern TYPE_VARIABLE = java.util.regex.Pattern.compile("(^|[<;:\\[])T\\w+;");

    /**
     * The type a local holding field {@code f} is declared with in a fix, as the source declares the
     * field ({@code List<Vector3D>}, not the erased {@code List}); the erasure when the field has no
     * generic signature, or when its type names a type variable that is in scope only in its own class.
     */
    public String sourceType(FieldAccess f) {
        org.objectweb.asm.tree.FieldNode node = resolver == null ? null : resolver.field(f.owner(), f.name());
        String sig = node == null ? null : node.signature;
        if (sig != null && sig.contains("T") && !f.owner().equals(owner.name)) {
            // a type variable ("TE;") of another class is not in scope here
            if (TYPE_VARIABLE.matcher(sig).find()) sig = null;
        }
        return GenericTypes.sourceType(f.descriptor(), sig);
    }

    /**
     * The type a local holding the result of call {@code c} is declared with in a fix: the callee's
     * generic return type as its source declares it ({@code List<Integer>}) when its signature has one
     * without type variables (those are bound by the receiver's type, which the bytecode does not keep);
     * otherwise null, and the erased descriptor has to do.
     */
    public String sourceReturnType(CallSite c) {
        if (resolver == null) return null;
        MethodNode m = resolver.method(c.owner(), c.name(), c.descriptor(), new String[1]);
        if (m == null || m.signature == null) return null;
        String sig = m.signature;
        String ret = sig.substring(sig.lastIndexOf(')') + 1);
        if (ret.indexOf('^') >= 0) ret = ret.substring(0, ret.indexOf('^')); // the throws clause
        if (sig.startsWith("<") || TYPE_VARIABLE.matcher(ret).find() || !ret.contains("<")) {
            return null;
        }
        return GenericTypes.sourceType(org.objectweb.asm.Type.getReturnType(c.descriptor()).getDescriptor(), ret);
    }

    /** Whether the method runs once per class: the static initialiser and private methods only it calls. */
    public boolean runsOnce() {
        return RunsOnce.runsOnce(owner, method);
    }

    /** Whether {@code insn} runs on every iteration of {@code loop}: it dominates all back-edge sources. */
    public boolean everyIteration(Loop loop, int insn) {
        for (int latch : loop.latches()) if (!cfg.dominates(insn, latch)) return false;
        return true;
    }

    /**
     * The instruction index that produced argument {@code argument} (0 = the first after the
     * receiver) of call {@code c}, or -1 when several could have: how a rule ties a call to the
     * value it was handed (this box, this substring, this lambda) instead of comparing rendered text.
     */
    public int argumentProducer(CallSite c, int argument) {
        SourceValue[] ops = flow.operands(c.insn());
        int k = argument + (c.isStatic() ? 0 : 1);
        if (ops == null || argument < 0 || k >= ops.length || ops[k].insns.size() != 1) return -1;
        return flow.index(ops[k].insns.iterator().next());
    }

    /**
     * The classes (internal names, sorted) holding the bodies a virtual or interface call can reach
     * on the analyzed path, when all are known; empty otherwise. Asked for by rules that name them in a fix.
     */
    public List<String> implementingClasses(CallSite c) {
        return resolver.implementingClasses(c.owner(), c.name(), c.descriptor());
    }
}
