package dev.hoist.core.facts;

import dev.hoist.core.classes.ClassLookup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Reads callees and field declarations through a {@link ClassLookup}, once per class: one
 * resolver is shared by all methods of an analysis so a popular callee is parsed only once.
 * Not thread-safe; use one per analyzing thread.
 */
public final class CalleeResolver {
    /** The largest constant array length still called a small tuple-like array. */
    public static final int SMALL_ARRAY = 16;

    private final ClassLookup lookup;
    private final Map<String, Optional<ClassNode>> classes = new HashMap<>();
    private final Map<String, CalleeFacts> callees = new HashMap<>();
    private final Map<String, byte[]> bytesOf = new HashMap<>();
    private final Map<String, BytecodeOffsets> offsets = new HashMap<>();
    private final Purity purity;
    private final WriteClosure writeClosure;
    private final ParameterEscapes parameterEscapes;

    /** See {@link ClassLookup#implementingClasses}. */
    java.util.List<String> implementingClasses(String owner, String name, String descriptor) {
        return lookup.implementingClasses(owner, name, descriptor);
    }

    /** Per method ("owner.name desc"): whether its body always throws (see {@link ErrorPaths}); one thread's. */
    final java.util.Map<String, Boolean> neverReturns = new java.util.HashMap<>();

    public CalleeResolver(ClassLookup lookup) {
        this.lookup = lookup;
        this.purity = new Purity(this, lookup);
        this.writeClosure = new WriteClosure(this, lookup);
        this.parameterEscapes = new ParameterEscapes(this, lookup);
    }

    /** Whether the call keeps its declared argument number {@code argument} beyond the call (see {@link ParameterEscapes}). */
    boolean keepsArgument(int opcode, org.objectweb.asm.tree.MethodInsnNode call, int argument) {
        return parameterEscapes.keeps(opcode, call, argument);
    }

    /**
     * The fields a call may write through everything it calls (see {@link FieldWrites} and
     * {@link WriteClosure}), remembered per call target.
     */
    public FieldWrites writes(int opcode, String owner, String name, String desc) {
        return writeClosure.writes(opcode, owner, name, desc);
    }

    /** Makes a class under analysis known, so calls within the same class are resolved without the lookup. */
    /**
     * Forgets the remembered field-write closures. A closure reused inside another walk answers with
     * its own depth and budget, so what is remembered changes later answers: a driver that hands
     * classes to threads in any order calls this at the start of each fixed batch, so the findings
     * do not depend on which thread saw a callee first.
     */
    public void forgetWriteClosures() {
        writeClosure.forget();
    }

    public void register(ClassNode node, byte[] bytes) {
        classes.put(node.name, Optional.of(node));
        bytesOf.put(node.name, bytes);
    }

    /** The exact code length of a method of a readable class, or -1. */
    int codeLength(String owner, MethodNode m) {
        BytecodeOffsets o = offsets.get(owner);
        if (o == null) {
            byte[] b = bytesOf.get(owner);
            if (b == null) return -1;
            try {
                o = BytecodeOffsets.read(b);
            } catch (RuntimeException e) {
                return -1;
            }
            offsets.put(owner, o);
        }
        return o.codeLength(m.name, m.desc);
    }

    private final java.util.Set<String> missing = new java.util.TreeSet<>();

    /**
     * The classes asked for (a field's owner, a callee's class, a superclass) whose bytes are on no
     * path, dotted, sorted: what the analyzed code uses that Hoist could not read. Their fields count
     * as possibly volatile and their methods as unknown calls.
     */
    public java.util.SortedSet<String> missingClasses() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(missing));
    }

    public Optional<ClassNode> classNode(String internalName) {
        Optional<ClassNode> c = classes.get(internalName);
        if (c == null) {
            c = Optional.empty();
            try {
                Optional<byte[]> bytes = lookup.classBytes(internalName);
                if (bytes.isEmpty() && !internalName.startsWith("[")) {
                    missing.add(internalName.replace('/', '.'));
                }
                if (bytes.isPresent()) {
                    bytesOf.put(internalName, bytes.get());
                    ClassNode n = new ClassNode();
                    new ClassReader(bytes.get()).accept(n, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    c = Optional.of(n);
                }
            } catch (RuntimeException unreadable) {
                // A corrupt dependency only means less is known about its callees.
                c = Optional.empty();
            }
            classes.put(internalName, c);
        }
        return c;
    }

    /** The field's declaration in {@code owner} or its superclasses, if readable. */
    public FieldNode field(String owner, String name) {
        String cur = owner;
        for (int guard = 0; cur != null && guard < 20; guard++) {
            Optional<ClassNode> c = classNode(cur);
            if (c.isEmpty()) return null;
            for (FieldNode f : c.get().fields) if (f.name.equals(name)) return f;
            cur = c.get().superName;
        }
        return null;
    }

    /** The method {@code name desc} in {@code owner} or its superclasses, its declaring class in {@code declaringOwner[0]}; or null. */
    MethodNode method(String owner, String name, String desc, String[] declaringOwner) {
        String cur = owner;
        for (int guard = 0; cur != null && guard < 20; guard++) {
            Optional<ClassNode> c = classNode(cur);
            if (c.isEmpty()) return null;
            for (MethodNode m : c.get().methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    declaringOwner[0] = cur;
                    return m;
                }
            }
            cur = c.get().superName;
        }
        return null;
    }

    public boolean isRecord(String internalName) {
        return classNode(internalName).map(c -> "java/lang/Record".equals(c.superName)).orElse(false);
    }

    /** Small aggregate types: records and the usual pair/tuple/entry holders. */
    public boolean isTupleType(String internalName) {
        if (internalName.startsWith("[")) return false;
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return isRecord(internalName) || simple.endsWith("Pair") || simple.endsWith("Tuple")
                || simple.equals("SimpleEntry") || simple.equals("SimpleImmutableEntry") || simple.endsWith("Triple")
                || simple.equals("KeyValue");
    }

    public CalleeFacts callee(int opcode, String owner, String name, String desc) {
        String key = opcode + owner + '.' + name + desc;
        CalleeFacts f = callees.get(key);
        if (f == null) {
            f = compute(opcode, owner, name, desc);
            callees.put(key, f);
        }
        return f;
    }

    private CalleeFacts compute(int opcode, String owner, String name, String desc) {
        boolean readOnly = ReadOnlyMethods.contains(owner, name);
        int impls = -1;
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            impls = lookup.implementationCount(owner, name, desc);
        }
        String[] decl = new String[1];
        MethodNode m = owner.startsWith("[") ? null : method(owner, name, desc, decl);
        if (m == null) {
            // Interface methods may still be declared in a superinterface we did not walk; that is fine.
            return new CalleeFacts(false, -1, false, false, false, false, false, readOnly, impls, false);
        }
        boolean isNative = (m.access & Opcodes.ACC_NATIVE) != 0;
        boolean isAbstract = (m.access & Opcodes.ACC_ABSTRACT) != 0;
        boolean isSynchronized = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        ClassNode declaring = classNode(decl[0]).orElseThrow();
        boolean isFinal = (m.access & (Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0
                || (declaring.access & Opcodes.ACC_FINAL) != 0 || name.equals("<init>");
        int size = codeLength(decl[0], m);
        if (size < 0) size = codeSize(m);
        boolean trivial = false;
        boolean recursive = false;
        if (m.instructions.size() > 0) {
            int real = 0;
            int[] ops = new int[4];
            for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
                int op = in.getOpcode();
                if (op < 0) continue;
                if (real < 4) ops[real] = op;
                real++;
                if (in instanceof MethodInsnNode mi && mi.name.equals(name) && mi.desc.equals(desc)
                        && mi.owner.equals(decl[0])) {
                    recursive = true;
                }
            }
            trivial = (real == 3 && ops[0] == Opcodes.ALOAD && ops[1] == Opcodes.GETFIELD && isReturn(ops[2]))
                    || (real == 2 && ops[0] == Opcodes.GETSTATIC && isReturn(ops[1]));
        }
        boolean fresh = false;
        if (!isAbstract && !isNative && (desc.endsWith(";") || desc.contains(")["))) {
            fresh = FreshTuples.returnsFreshTuple(this, decl[0], m);
        }
        Set<String> read = new HashSet<>();
        // only a value can be hoisted, and only a body small enough to read cheaply is worth proving pure
        boolean pure = !isAbstract && !isNative && !trivial && !readOnly && !desc.endsWith(")V")
                && size <= MethodFacts.FREQ_INLINE_SIZE && purity.pure(decl[0], m, read);
        return new CalleeFacts(true, size, isNative, isAbstract, isFinal, isSynchronized, trivial, recursive, readOnly, impls, fresh,
                pure, pure ? read : Set.of());
    }

    /** A JDK class, or an array type (whose methods, such as clone, are the JDK's). */
    static boolean jdk(String internal) {
        return internal.startsWith("[") || dev.hoist.core.classes.JdkClasses.isJdk(internal);
    }

    private static boolean isReturn(int op) {
        return op >= Opcodes.IRETURN && op <= Opcodes.ARETURN;
    }

    /** Bytecode length of the method body, as HotSpot's inlining heuristics count it. */
    static int codeSize(MethodNode m) {
        // Reconstructing exact length needs the class bytes; the instruction count is a close
        // lower bound, so add the typical operand bytes per real instruction.
        int size = 0;
        for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
            int op = in.getOpcode();
            if (op < 0) continue;
            size += switch (in.getType()) {
                case AbstractInsnNode.INSN -> 1;
                case AbstractInsnNode.INT_INSN -> op == Opcodes.SIPUSH ? 3 : 2;
                case AbstractInsnNode.VAR_INSN -> ((VarInsnNode) in).var < 4 ? 1 : 2;
                case AbstractInsnNode.IINC_INSN -> 3;
                case AbstractInsnNode.INVOKE_DYNAMIC_INSN -> 5;
                case AbstractInsnNode.METHOD_INSN -> op == Opcodes.INVOKEINTERFACE ? 5 : 3;
                case AbstractInsnNode.LDC_INSN -> 2;
                case AbstractInsnNode.MULTIANEWARRAY_INSN -> 4;
                case AbstractInsnNode.TABLESWITCH_INSN, AbstractInsnNode.LOOKUPSWITCH_INSN -> 16;
                default -> 3;
            };
        }
        return size;
    }


}
