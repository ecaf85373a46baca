package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A natural loop of one method: all back edges to one header merged. It knows its place in the
 * loop nest, its instructions (as instruction indices into the method's {@code InsnList}), its
 * original bytecode offsets (so profile frames, which carry a bci, can be mapped to it), its
 * source line range, and the facts of the instructions for which it is the innermost loop.
 * Write sets ({@link #assignsLocal}, {@link #writesField}) cover nested loops too.
 */
public final class Loop {
    private final int index;
    private final int header;
    private final BitSet body;
    private final int[] latches;
    private Loop parent;
    private List<Loop> children = new ArrayList<>();
    private int depth;
    private int[] bcis = new int[0];
    private int firstLine = -1;
    private int lastLine = -1;
    private final BitSet localsAssigned = new BitSet();
    private final Set<String> fieldsWritten = new HashSet<>();
    private String unknownWriter;
    private boolean writesArrays;
    private HoistBlocker blocker;
    private int iteratorLocal = -1;
    private boolean waits;
    private boolean blocks;
    private TripCount tripCount = TripCount.UNKNOWN;
    private List<FieldAccess> fieldAccesses = new ArrayList<>();
    private List<CallSite> calls = new ArrayList<>();
    private List<Allocation> allocations = new ArrayList<>();
    private List<Boxing> boxings = new ArrayList<>();
    private List<Copy> copies = new ArrayList<>();
    private List<StringConcat> concats = new ArrayList<>();
    private List<LambdaCapture> lambdas = new ArrayList<>();
    private List<Monitor> monitors = new ArrayList<>();
    private List<FieldAccess> volatileAccesses = new ArrayList<>();
    private List<CallSite> reflectiveCalls = new ArrayList<>();

    /** Set for the synthetic region of a method's whole body (see {@link #isMethodBody()}): the method's name, else null. */
    private String methodBodyOf;

    private Loop(int index, int header, BitSet body, int[] latches) {
        this.index = index;
        this.header = header;
        this.body = body;
        this.latches = latches;
    }

    /**
     * Whether this is not a loop of its method but the method's whole body, which the profile
     * showed running once per iteration of a loop in a caller: waste here is paid per iteration
     * of that loop. Only the advisor asks for such regions (see {@link MethodFacts#of} with
     * {@code perCallBody}); {@code hoist analyze} never sees them.
     */
    public boolean isMethodBody() { return methodBodyOf != null; }

    /** Where the region is, for advice text: "the loop at lines 38-49" or "each call of parse() (lines 10-14)". */
    public String where() {
        return methodBodyOf != null ? "each call of " + methodBodyOf + "() (lines " + firstLine + "-" + lastLine + ")"
                : "the loop at lines " + firstLine + "-" + lastLine;
    }

    /** "on every iteration of the loop at lines 38-49", or "on every call of parse() (lines 10-14)". */
    public String perIteration() {
        return methodBodyOf != null ? "on every call of " + methodBodyOf + "() (lines " + firstLine + "-" + lastLine + ")"
                : "on every iteration of the loop at lines " + firstLine + "-" + lastLine;
    }

    public int headerInsn() { return header; }
    public boolean contains(int insn) { return insn >= 0 && body.get(insn); }
    public Loop parent() { return parent; }
    public List<Loop> children() { return children; }
    /** 1 for an outermost loop. */
    public int depth() { return depth; }
    /** The sorted original bytecode offsets of the loop's instructions. */
    public int[] bcis() { return bcis.clone(); }
    public int firstBci() { return bcis.length == 0 ? -1 : bcis[0]; }
    public int lastBci() { return bcis.length == 0 ? -1 : bcis[bcis.length - 1]; }
    public boolean containsBci(int bci) { return java.util.Arrays.binarySearch(bcis, bci) >= 0; }
    public int firstLine() { return firstLine; }
    public int lastLine() { return lastLine; }
    public boolean assignsLocal(int var) { return localsAssigned.get(var); }
    /**
     * Whether the loop may store to a field of that name: an instruction in it or in anything it
     * calls does, or it calls code Hoist cannot read (see {@link #unknownWriter()}), which may.
     * A final field can only be written by a constructor: ask {@link #writesFieldKnown} for it.
     */
    public boolean writesField(String name) { return unknownWriter != null || fieldsWritten.contains(name); }
    /** Whether an instruction in the loop, or in a callee Hoist could read (at any depth), stores to a field of that name. */
    public boolean writesFieldKnown(String name) { return fieldsWritten.contains(name); }
    /** The call through which the loop reaches code Hoist cannot read, which may write any field; null when there is none. */
    public String unknownWriter() { return unknownWriter; }
    public boolean writesArrays() { return writesArrays; }
    /**
     * Whether the loop contains something that may keep C2 from hoisting a load across it: a call
     * that is native, larger than FreqInlineSize, recursive, virtual with several or unknown
     * implementations, or not readable on the analyzed path; a volatile access or a monitor counts
     * too, because C2 puts memory barriers around them and loads cannot float across those.
     */
    public boolean hasOpaqueCall() { return blocker != null; }
    public String opaqueCallText() { return blocker == null ? null : blocker.what(); }
    /**
     * True when the blocker is known to stay in the compiled loop: a callee that is native, larger
     * than FreqInlineSize or recursive, a monitor, or a volatile access. False when it only may:
     * an interface or virtual call whose implementations are unknown or several (C2 inlines one or
     * two receiver classes seen in the profile), or a callee not on the analyzed class path.
     */
    public boolean opaqueCallCertain() { return blocker != null && blocker.certain(); }
    /**
     * Why {@link #opaqueCallText()} blocks hoisting, as words that follow the call's name
     * ("is native", "is 412 bytes of bytecode, above FreqInlineSize (325)", "has 4 implementations
     * on the analyzed class path"); null when there is no blocker.
     */
    public String opaqueCallReason() { return blocker == null ? null : blocker.reason(); }
    /** What may keep C2 from hoisting loads across the loop, with its kind and words; null when nothing does. */
    public HoistBlocker blocker() { return blocker; }
    /**
     * Whether the loop (or a loop nested in it) locks a monitor or calls something that waits for
     * another thread (wait, sleep, park, await, lock): such a loop usually waits for a field that
     * another thread writes under that lock, so keeping a non-final field in a local could change
     * what the code means.
     */
    public boolean synchronizesWithOtherThreads() { return waits; }
    /** Whether the loop calls something that blocks until another thread acts (wait, park, sleep, await, lock): it is not a hot loop. */
    public boolean blocksOnOtherThreads() { return blocks; }
    /** The number of volatile accesses and monitor enters in the loop itself: each is a memory barrier in C2. */
    public int barrierCount() {
        int n = volatileAccesses.size();
        for (Monitor m : monitors) if (m.enter()) n++;
        return n;
    }
    /**
     * Whether {@code c} is {@code hasNext()} or {@code next()} on the iterator that drives this loop
     * (the local whose {@code hasNext()} decides the loop's exit): the for-each protocol, which sees
     * one iterator class per site in most programs.
     */
    public boolean isIteratorProtocol(CallSite c) {
        return iteratorLocal >= 0 && c.receiver() != null && ValueId.local(iteratorLocal).equals(c.receiver().id())
                && (c.name().equals("hasNext") || c.name().equals("next")) && c.arguments().isEmpty();
    }
    public TripCount tripCount() { return tripCount; }
    public List<FieldAccess> fieldAccesses() { return fieldAccesses; }
    public List<CallSite> calls() { return calls; }
    /** The call at instruction {@code insn} whose innermost loop this is, or null. */
    public CallSite call(int insn) {
        for (CallSite c : calls) if (c.insn() == insn) return c;
        return null;
    }
    public List<Allocation> allocations() { return allocations; }
    public List<Boxing> boxings() { return boxings; }
    public List<Copy> copies() { return copies; }
    public List<StringConcat> concats() { return concats; }
    public List<LambdaCapture> lambdas() { return lambdas; }
    public List<Monitor> monitors() { return monitors; }
    public List<FieldAccess> volatileAccesses() { return volatileAccesses; }
    public List<CallSite> reflectiveCalls() { return reflectiveCalls; }

    /** Whether this loop is {@code other} or nested in it. */
    public boolean within(Loop other) {
        for (Loop l = this; l != null; l = l.parent) if (l == other) return true;
        return false;
    }

    @Override
    public String toString() {
        return "Loop[lines " + firstLine + "-" + lastLine + ", bci " + firstBci() + "-" + lastBci() + ", depth " + depth + "]";
    }

    /** The loop's instructions, not a copy: for the analysis, which never changes it. */
    BitSet bodyBits() { return body; }
    /** The loop's position in {@link MethodFacts#loops()}. */
    int index() { return index; }
    int[] latches() { return latches; }

    /**
     * Collects a loop's nest position, write sets, blocker and facts while a method is analyzed,
     * then {@link #freeze()}s it: from then on the loop cannot change, and its lists are read-only.
     * The loop exists from the start, so facts made during collection can point at it.
     */
    static final class Builder {
        private final Loop loop;
        private boolean frozen;

        Builder(int index, int header, BitSet body, int[] latches) {
            loop = new Loop(index, header, body, latches);
        }

        Loop loop() { return loop; }
        BitSet body() { return loop.body; }

        private Loop open() {
            if (frozen) throw new IllegalStateException("loop is frozen: " + loop);
            return loop;
        }

        void methodBodyOf(String name) { open().methodBodyOf = name; }
        void parent(Builder p) {
            open().parent = p.loop;
            p.open().children.add(loop);
        }
        void depth(int d) { open().depth = d; }
        void range(int[] bcis, int firstLine, int lastLine) {
            Loop l = open();
            l.bcis = bcis;
            l.firstLine = firstLine;
            l.lastLine = lastLine;
        }
        void assignsLocal(int var) { open().localsAssigned.set(var); }
        void writesField(String name) { open().fieldsWritten.add(name); }
        void writesFields(Set<String> names) { open().fieldsWritten.addAll(names); }
        /** Records the first call through which the loop reaches code that cannot be read. */
        void unknownWriter(String via) {
            if (open().unknownWriter == null) loop.unknownWriter = via;
        }
        void writesArrays() { open().writesArrays = true; }
        void waits(boolean blocks) {
            Loop l = open();
            l.waits = true;
            if (blocks) l.blocks = true;
        }
        void blocker(HoistBlocker b) { open().blocker = b; }
        void iteratorLocal(int var) { open().iteratorLocal = var; }
        void tripCount(TripCount t) { open().tripCount = t; }
        void add(FieldAccess f) {
            open().fieldAccesses.add(f);
            if (f.knownVolatile()) loop.volatileAccesses.add(f);
        }
        void add(CallSite c, boolean reflective) {
            open().calls.add(c);
            if (reflective) loop.reflectiveCalls.add(c);
        }
        void add(Allocation a) { open().allocations.add(a); }
        void add(Boxing b) { open().boxings.add(b); }
        void add(Copy c) { open().copies.add(c); }
        void add(StringConcat c) { open().concats.add(c); }
        void add(LambdaCapture c) { open().lambdas.add(c); }
        void add(Monitor m) { open().monitors.add(m); }

        /** Ends collection: the loop is immutable from here on. */
        Loop freeze() {
            Loop l = open();
            frozen = true;
            l.children = Collections.unmodifiableList(l.children);
            l.fieldAccesses = Collections.unmodifiableList(l.fieldAccesses);
            l.calls = Collections.unmodifiableList(l.calls);
            l.allocations = Collections.unmodifiableList(l.allocations);
            l.boxings = Collections.unmodifiableList(l.boxings);
            l.copies = Collections.unmodifiableList(l.copies);
            l.concats = Collections.unmodifiableList(l.concats);
            l.lambdas = Collections.unmodifiableList(l.lambdas);
            l.monitors = Collections.unmodifiableList(l.monitors);
            l.volatileAccesses = Collections.unmodifiableList(l.volatileAccesses);
            l.reflectiveCalls = Collections.unmodifiableList(l.reflectiveCalls);
            return l;
        }
    }
}
