package dev.hoist.core.facts;

import dev.hoist.core.classes.ClassLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Reads callees and field declarations through a {@link ClassLookup}, once per class: one
 * resolver is shared by all methods of an analysis so a popular callee is parsed only once.
 * Not thread-safe; use one per analysing thread.
 */
public final class CalleeResolver {
    /** The largest constant array length still called a small tuple-like array. */
    public static final int SMALL_ARRAY = 16;

    private final ClassLookup lookup;
    private final Map<String, Optional<ClassNode>> classes = new HashMap<>();
    private final Map<String, CalleeFacts> callees = new HashMap<>();
    private final Map<String, byte[]> bytesOf = new HashMap<>();
    private final Map<String, BytecodeOffsets> offsets = new HashMap<>();

    /** See {@link ClassLookup#implementingClasses}. */
    java.util.List<String> implementingClasses(String owner, String name, String descriptor) {
        return lookup.implementingClasses(owner, name, descriptor);
    }

    public CalleeResolver(ClassLookup lookup) {
        this.lookup = lookup;
    }

    /** Makes a class under analysis known, so calls within the same class are resolved without the lookup. */
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

    public Optional<ClassNode> classNode(String internalName) {
        Optional<ClassNode> c = classes.get(internalName);
        if (c == null) {
            c = Optional.empty();
            try {
                Optional<byte[]> bytes = lookup.classBytes(internalName);
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

    private MethodNode method(String owner, String name, String desc, String[] declaringOwner) {
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
            fresh = returnsFreshTuple(decl[0], m);
        }
        Set<String> read = new HashSet<>();
        // only a value can be hoisted, and only a body small enough to read cheaply is worth proving pure
        boolean pure = !isAbstract && !isNative && !trivial && !readOnly && !desc.endsWith(")V")
                && size <= MethodFacts.FREQ_INLINE_SIZE && pureBody(decl[0], m, 0, new HashSet<>(), read, new int[] {PURE_BUDGET});
        return new CalleeFacts(true, size, isNative, isAbstract, isFinal, trivial, recursive, readOnly, impls, fresh,
                pure, pure ? read : Set.of());
    }

    private static final int PURE_DEPTH = 4;
    private static final int PURE_BUDGET = 64;

    /**
     * Whether a body only reads: no field or array stores, no locks, no lambdas, no allocation but
     * strings and boxes, and every call pure too (a read-only JDK query, string building, or a
     * readable method of ours that is pure itself, down to a few calls). Fields it reads go to {@code read}.
     */
    private boolean pureBody(String owner, MethodNode m, int depth, Set<String> visiting, Set<String> read, int[] budget) {
        if (depth > PURE_DEPTH || budget[0]-- <= 0 || !visiting.add(owner + '.' + m.name + m.desc)) return false;
        if ((m.access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_SYNCHRONIZED)) != 0) return false;
        for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
            int op = in.getOpcode();
            if (op < 0) continue;
            if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)
                    || op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return false;
            }
            if (in instanceof FieldInsnNode f) {
                // a final field never changes after construction: only the others can make the result change
                FieldNode fn = field(f.owner, f.name);
                if (fn == null || (fn.access & Opcodes.ACC_FINAL) == 0) read.add(f.name);
            } else if (in instanceof TypeInsnNode t && op == Opcodes.NEW) {
                if (!t.desc.equals("java/lang/StringBuilder") && !t.desc.equals("java/lang/String")) return false;
            } else if (op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY) {
                return false;
            } else if (in instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode d) {
                if (!d.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) return false;
            } else if (in instanceof MethodInsnNode mi) {
                if (!pureCall(op, mi, depth, visiting, read, budget)) return false;
            }
        }
        return true;
    }

    private boolean pureCall(int op, MethodInsnNode mi, int depth, Set<String> visiting, Set<String> read, int[] budget) {
        if (ReadOnlyMethods.contains(mi.owner, mi.name) || PURE_JDK.contains(mi.owner + "." + mi.name)) return true;
        if (mi.owner.equals("java/lang/StringBuilder") || mi.owner.equals("java/lang/String") && !mi.name.equals("intern")) {
            return true; // a builder made in the body, or an immutable string's methods
        }
        if (jdk(mi.owner)) return false;
        String[] decl = new String[1];
        MethodNode target = method(mi.owner, mi.name, mi.desc, decl);
        if (target == null) return false;
        if (op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) {
            // not through callee(): its facts are being computed up the stack, and asking again would recurse
            boolean isFinal = (target.access & (Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0
                    || classNode(decl[0]).map(c -> (c.access & Opcodes.ACC_FINAL) != 0).orElse(false);
            if (!isFinal && lookup.implementationCount(mi.owner, mi.name, mi.desc) != 1) return false;
        }
        return pureBody(decl[0], target, depth + 1, visiting, read, budget);
    }

    /** JDK methods that are pure given their arguments, beyond {@link ReadOnlyMethods}: parsing and boxing. */
    private static final Set<String> PURE_JDK = Set.of("java/lang/Integer.parseInt", "java/lang/Long.parseLong",
            "java/lang/Double.parseDouble", "java/lang/Boolean.parseBoolean", "java/lang/Integer.valueOf",
            "java/lang/Long.valueOf", "java/lang/Double.valueOf", "java/lang/Boolean.valueOf", "java/lang/Integer.intValue",
            "java/lang/Boolean.booleanValue", "java/util/Properties.getProperty", "java/util/Objects.requireNonNull",
            "java/util/Objects.equals", "java/util/Objects.hash", "java/lang/Math.round", "java/lang/Math.floor",
            "java/lang/Math.ceil");

    /** How deep {@link #writes} follows calls, and how many bodies it reads for one call at most. */
    private static final int WRITES_DEPTH = 6;
    private static final int WRITES_BUDGET = 400;

    private final Map<String, FieldWrites> writes = new HashMap<>();

    /**
     * The fields a call may write through everything it calls (see {@link FieldWrites}). JDK code
     * cannot name the fields of the analysed classes, so a JDK callee writes none of them unless
     * it is handed one of the analysed classes' objects or a callback to run; any other body that
     * cannot be read may write anything.
     */
    public FieldWrites writes(int opcode, String owner, String name, String desc) {
        String key = opcode + owner + '.' + name + desc;
        FieldWrites w = writes.get(key);
        if (w == null) {
            java.util.Set<String> fields = new HashSet<>();
            String[] unknown = new String[1];
            int[] budget = {WRITES_BUDGET};
            collectWrites(opcode, owner, name, desc, 0, new HashSet<>(), fields, unknown, budget);
            w = new FieldWrites(fields, unknown[0]);
            writes.put(key, w);
        }
        return w;
    }

    private void collectWrites(int opcode, String owner, String name, String desc, int depth, Set<String> visiting,
                               Set<String> fields, String[] unknown, int[] budget) {
        if (unknown[0] != null) return;
        // a callee whose closure is known already (a popular helper) is not walked again
        FieldWrites known = depth > 0 ? writes.get(opcode + owner + '.' + name + desc) : null;
        if (known != null) {
            fields.addAll(known.fields());
            if (known.mayWriteAny()) unknown[0] = known.unknownVia();
            return;
        }
        String call = simpleName(owner) + "." + name + "()";
        if (jdk(owner)) {
            if (ReadOnlyMethods.contains(owner, name) || !callsBack(desc)) return;
            unknown[0] = call + " (a JDK method handed an object or callback that may run the analysed code)";
            return;
        }
        if (depth > WRITES_DEPTH || budget[0]-- <= 0) {
            unknown[0] = call + " (calls deeper than Hoist follows)";
            return;
        }
        List<String> bodies = new ArrayList<>();
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            CalleeFacts c = callee(opcode, owner, name, desc);
            if (c.readable() && c.isFinal() && !c.isAbstract()) {
                bodies.add(owner);
            } else {
                List<String> impls = lookup.implementingClasses(owner, name, desc);
                if (impls.isEmpty()) {
                    unknown[0] = call + " (its implementations are not all known)";
                    return;
                }
                bodies.addAll(impls);
            }
        } else {
            bodies.add(owner);
        }
        for (String cls : bodies) {
            String[] decl = new String[1];
            MethodNode m = cls.startsWith("[") ? null : method(cls, name, desc, decl);
            if (m == null || (m.access & Opcodes.ACC_NATIVE) != 0 || m.instructions.size() == 0
                    && (m.access & Opcodes.ACC_ABSTRACT) == 0) {
                unknown[0] = call + " (not on the analysed class path)";
                return;
            }
            if ((m.access & Opcodes.ACC_ABSTRACT) != 0) continue;
            if (!visiting.add(decl[0] + '.' + name + desc)) continue;
            for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
                int op = in.getOpcode();
                if (in instanceof FieldInsnNode fi && (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC)) {
                    fields.add(fi.name);
                } else if (in instanceof MethodInsnNode mi) {
                    collectWrites(op, mi.owner, mi.name, mi.desc, depth + 1, visiting, fields, unknown, budget);
                    if (unknown[0] != null) return;
                }
            }
        }
    }

    /** Whether a JDK method with this descriptor may call back into the analysed code: it takes a non-JDK object or a functional interface. */
    private static boolean callsBack(String desc) {
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(desc)) {
            if (t.getSort() != org.objectweb.asm.Type.OBJECT) continue;
            String n = t.getInternalName();
            if (!jdk(n) || n.startsWith("java/util/function/") || n.equals("java/lang/Runnable")
                    || n.equals("java/util/concurrent/Callable") || n.equals("java/util/Comparator")) {
                return true;
            }
        }
        return false;
    }

    static boolean jdk(String internal) {
        return internal.startsWith("java/") || internal.startsWith("javax/") || internal.startsWith("jdk/")
                || internal.startsWith("sun/") || internal.startsWith("com/sun/") || internal.startsWith("[");
    }

    private static String simpleName(String internal) {
        return internal.substring(internal.lastIndexOf('/') + 1).replace('$', '.');
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

    private boolean returnsFreshTuple(String owner, MethodNode m) {
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
            if (!freshTuple(m, frames, f.getStack(f.getStackSize() - 1), 0)) return false;
            any = true;
        }
        return any;
    }

    private boolean freshTuple(MethodNode m, Frame<SourceValue>[] frames, SourceValue v, int depth) {
        if (v.insns.isEmpty() || depth > 8) return false;
        for (AbstractInsnNode src : v.insns) {
            Frame<SourceValue> f = frames[m.instructions.indexOf(src)];
            if (f == null) return false;
            boolean ok = switch (src.getOpcode()) {
                case Opcodes.NEW -> isTupleType(((TypeInsnNode) src).desc);
                case Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> {
                    int len = OperandFlow.constantInt(f.getStack(f.getStackSize() - 1));
                    yield len >= 0 && len <= SMALL_ARRAY;
                }
                case Opcodes.DUP, Opcodes.CHECKCAST -> freshTuple(m, frames, f.getStack(f.getStackSize() - 1), depth + 1);
                case Opcodes.ALOAD -> freshTuple(m, frames, f.getLocal(((VarInsnNode) src).var), depth + 1);
                case Opcodes.ASTORE -> freshTuple(m, frames, f.getStack(f.getStackSize() - 1), depth + 1);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

}
