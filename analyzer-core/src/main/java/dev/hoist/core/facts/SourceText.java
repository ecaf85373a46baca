package dev.hoist.core.facts;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The one place that writes values as source text, the way a fix names them: real local names
 * from the LocalVariableTable, {@code this}, fields, simple class names, calls, arithmetic, casts,
 * array elements and quoted literals; what cannot be named is elided as {@value #ELIDED}. It also
 * gives each {@link Value} its kind, its invariance and its identity.
 */
final class SourceText {
    /**
     * What stands for a part of a value that has no name in the source: the "..." a pattern uses, so a
     * fix that holds it reads as a pattern all through, not as code with one odd character.
     */
    static final String ELIDED = "...";

    private final MethodNode method;
    private final AbstractInsnNode[] insns;
    private final OperandFlow flow;
    private final Invariance invariance;
    private final CalleeResolver resolver;
    private Boolean thisReassigned;

    SourceText(MethodNode method, AbstractInsnNode[] insns, OperandFlow flow, Invariance invariance, CalleeResolver resolver) {
        this.method = method;
        this.insns = insns;
        this.flow = flow;
        this.invariance = invariance;
        this.resolver = resolver;
    }

    /** Describes a stack value consumed at {@code at} with respect to {@code loop}. */
    Value value(Loop loop, int at, SourceValue v) {
        boolean inv = invariance.invariant(loop, v);
        if (v.insns.size() != 1) return elided(inv);
        int si = flow.index(v.insns.iterator().next());
        return describe(loop, si, inv, 0);
    }

    /** Describes the value instruction {@code si} produces, whose invariance is {@code inv}. */
    Value describe(Loop loop, int si, boolean inv) {
        return describe(loop, si, inv, 0);
    }

    private Value describe(Loop loop, int si, boolean inv, int depth) {
        AbstractInsnNode s = insns[si];
        int op = s.getOpcode();
        if (depth > 4) return elided(inv);
        if (s instanceof VarInsnNode v && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            if (v.var == 0 && (method.access & Opcodes.ACC_STATIC) == 0 && !assignedAnywhere(0)) return new Value(Value.Kind.THIS, true, "this", ValueId.THIS, true);
            String nm = localName(v.var, si);
            if (nm == null) {
                // javac's synthetic locals (for-each array copy, length) have no name: name their single definition.
                SourceValue local = flow.operands(si) == null ? null : flow.operands(si)[0];
                if (local != null && local.insns.size() == 1) {
                    int def = flow.index(local.insns.iterator().next());
                    if (flow.operands(def) != null && flow.operands(def)[0].insns.size() == 1) {
                        Value d = describe(loop, flow.index(flow.operands(def)[0].insns.iterator().next()), inv, depth + 1);
                        return new Value(Value.Kind.LOCAL, inv, d.text(), ValueId.local(v.var), d.nameable());
                    }
                }
                // no name in the source: the text says so, and a fix cannot use it as code
                return new Value(Value.Kind.LOCAL, inv, "local" + v.var, ValueId.local(v.var), false);
            }
            if (nm.startsWith("this$")) {
                // an inner class constructor's outer-instance parameter: the source calls it Outer.this
                String desc = localDesc(v.var, si);
                if (desc != null && desc.startsWith("L")) nm = simple(desc.substring(1, desc.length() - 1)) + ".this";
            }
            return new Value(Value.Kind.LOCAL, inv, nm, ValueId.local(v.var), true);
        }
        if (s instanceof FieldInsnNode f && op == Opcodes.GETSTATIC) {
            FieldNode fn = resolver.field(f.owner, f.name);
            boolean constant = fn != null && (fn.access & Opcodes.ACC_FINAL) != 0;
            return new Value(constant ? Value.Kind.CONSTANT : Value.Kind.STATIC, inv, simple(f.owner) + "." + f.name, new ValueId.StaticField(f.owner, f.name), true);
        }
        if (s instanceof FieldInsnNode f && op == Opcodes.GETFIELD) {
            Value r = sub(loop, si, 0, depth);
            // javac's synthetic fields have source names: this$0 is Outer.this, val$x the captured local x
            boolean outerThis = r.kind() == Value.Kind.THIS || r.text().endsWith(".this");
            if (outerThis && f.name.startsWith("this$") && f.desc.startsWith("L")) {
                String outer = simple(f.desc.substring(1, f.desc.length() - 1));
                // an anonymous outer class (Foo.3) has no name to write Foo.3.this with
                boolean named = !outer.matches(".*(^|\\.)\\d+(\\.|$).*");
                return new Value(Value.Kind.FIELD, inv, outer + ".this", new ValueId.InstanceField(r.id(), f.name), named);
            }
            if (outerThis && f.name.startsWith("val$")) {
                // a local captured by this class or by an enclosing one: the source names it as the local
                return new Value(Value.Kind.FIELD, inv, f.name.substring(4), new ValueId.InstanceField(r.id(), f.name), true);
            }
            return new Value(Value.Kind.FIELD, inv, r.text() + "." + f.name, r.id() == null ? null : new ValueId.InstanceField(r.id(), f.name),
                    r.nameable());
        }
        if (op == Opcodes.ARRAYLENGTH) {
            Value r = sub(loop, si, 0, depth);
            return new Value(Value.Kind.COMPUTED, inv, r.text() + ".length", null, r.nameable());
        }
        if (s instanceof MethodInsnNode m && m.name.startsWith("access$")) {
            return accessor(loop, si, m, inv, depth);
        }
        if (s instanceof MethodInsnNode m) {
            StringBuilder t = new StringBuilder();
            boolean nameable = true;
            int k = 0;
            if (op != Opcodes.INVOKESTATIC) {
                Value r = sub(loop, si, k++, depth);
                t.append(r.text());
                nameable = r.nameable();
            } else {
                t.append(simple(m.owner));
            }
            t.append('.').append(m.name).append('(');
            SourceValue[] ops = flow.operands(si);
            for (int a = k; ops != null && a < ops.length; a++) {
                if (a > k) t.append(", ");
                Value arg = sub(loop, si, a, depth);
                t.append(arg.text());
                nameable &= arg.nameable();
            }
            return new Value(Value.Kind.COMPUTED, inv, t.append(')').toString(), null, nameable);
        }
        if (op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL || op == Opcodes.IDIV) {
            String sym = op == Opcodes.IADD ? " + " : op == Opcodes.ISUB ? " - " : op == Opcodes.IMUL ? " * " : " / ";
            Value a = sub(loop, si, 0, depth), b = sub(loop, si, 1, depth);
            return new Value(Value.Kind.COMPUTED, inv, a.text() + sym + b.text(), null, a.nameable() && b.nameable());
        }
        if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
            // an array element: orders[i]
            Value array = sub(loop, si, 0, depth), index = sub(loop, si, 1, depth);
            return new Value(Value.Kind.COMPUTED, inv, array.text() + "[" + index.text() + "]", null, array.nameable() && index.nameable());
        }
        if (op == Opcodes.CHECKCAST || op == Opcodes.DUP) {
            Value r = sub(loop, si, 0, depth);
            return new Value(r.kind(), inv, r.text(), r.id(), r.nameable());
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
            return new Value(Value.Kind.COMPUTED, inv, "(" + to + ") " + r.text(), null, r.nameable());
        }
        int c = OperandFlow.constantInt(s);
        if (c != Integer.MIN_VALUE) return new Value(Value.Kind.CONSTANT, true, Integer.toString(c), null, true);
        if (s instanceof LdcInsnNode ldc) {
            String text = ldc.cst instanceof String str ? '"' + str + '"' : String.valueOf(ldc.cst);
            return new Value(Value.Kind.CONSTANT, true, text, null, true);
        }
        if (op == Opcodes.ACONST_NULL) return new Value(Value.Kind.CONSTANT, true, "null", null, true);
        return elided(inv);
    }

    /**
     * A call of a javac accessor ({@code access$000}, made before Java 11 for a private member of a
     * nest mate), written as the member it reaches: {@code Outer.access$000(x)} that reads field
     * {@code count} is {@code x.count}, one that calls {@code parse(x, s)} is {@code x.parse(s)}. Any
     * other accessor has no source name.
     */
    private Value accessor(Loop loop, int si, MethodInsnNode m, boolean inv, int depth) {
        MethodNode body = resolver.method(m.owner, m.name, m.desc, new String[1]);
        if (body == null) return elided(inv);
        List<AbstractInsnNode> real = new ArrayList<>();
        for (AbstractInsnNode in = body.instructions.getFirst(); in != null; in = in.getNext()) {
            if (in.getOpcode() >= 0) real.add(in);
        }
        int params = Type.getArgumentTypes(m.desc).length;
        // the parameters loaded in order, then one member access, then a return
        if (real.size() != params + 2 || real.get(real.size() - 1).getOpcode() < Opcodes.IRETURN
                || real.get(real.size() - 1).getOpcode() > Opcodes.RETURN) {
            return elided(inv);
        }
        for (int i = 0; i < params; i++) {
            if (!(real.get(i) instanceof VarInsnNode)) return elided(inv);
        }
        AbstractInsnNode member = real.get(params);
        List<Value> args = new ArrayList<>();
        for (int a = 0; a < params; a++) args.add(sub(loop, si, a, depth));
        boolean nameable = args.stream().allMatch(Value::nameable);
        if (member instanceof FieldInsnNode f && member.getOpcode() == Opcodes.GETSTATIC && params == 0) {
            return new Value(Value.Kind.STATIC, inv, simple(f.owner) + "." + f.name, new ValueId.StaticField(f.owner, f.name), true);
        }
        if (member instanceof FieldInsnNode f && member.getOpcode() == Opcodes.GETFIELD && params == 1) {
            Value r = args.get(0);
            return new Value(Value.Kind.FIELD, inv, r.text() + "." + f.name, r.id() == null ? null : new ValueId.InstanceField(r.id(), f.name),
                    r.nameable());
        }
        if (member instanceof MethodInsnNode call && !call.name.startsWith("access$") && !call.name.startsWith("<")) {
            boolean isStatic = call.getOpcode() == Opcodes.INVOKESTATIC;
            if (!isStatic && params == 0) return elided(inv);
            StringBuilder t = new StringBuilder(isStatic ? simple(call.owner) : args.get(0).text()).append('.').append(call.name).append('(');
            for (int a = isStatic ? 0 : 1; a < params; a++) {
                if (a > (isStatic ? 0 : 1)) t.append(", ");
                t.append(args.get(a).text());
            }
            return new Value(Value.Kind.COMPUTED, inv, t.append(')').toString(), null, nameable);
        }
        return elided(inv);
    }

    private Value sub(Loop loop, int si, int k, int depth) {
        SourceValue[] ops = flow.operands(si);
        if (ops == null || k >= ops.length || ops[k].insns.size() != 1) return elided(false);
        int x = flow.index(ops[k].insns.iterator().next());
        return describe(loop, x, loop == null || invariance.invariantInsn(loop, x), depth + 1);
    }

    /** A value that has no name in the source: written as {@value #ELIDED}. */
    private static Value elided(boolean invariant) {
        return new Value(Value.Kind.COMPUTED, invariant, ELIDED, null, false);
    }

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

    /** The text of an operand of type {@code t}: a char constant is written as a char literal. */
    String operandText(Loop l, int at, SourceValue v, Type t) {
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

    /** A string literal as Java source writes it. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }

    /** A char literal as Java source writes it. */
    static String quoteChar(char c) {
        return switch (c) {
            case '\n' -> "'\\n'";
            case '\t' -> "'\\t'";
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            default -> "'" + c + "'";
        };
    }

    /** The name of local {@code var} at instruction {@code insn} from the LocalVariableTable, else null. */
    /**
     * The name a local has in the source, from its LocalVariableTable name: older javac wrote its own
     * for-each locals into the table ({@code arr$}, {@code len$}, {@code i$}), which have none (null),
     * and a local or anonymous class's constructor calls a captured variable {@code val$x}, which is {@code x}.
     */
    static String sourceName(String lvtName) {
        if (lvtName == null) return null;
        if (lvtName.startsWith("val$") && lvtName.length() > 4) return lvtName.substring(4);
        return lvtName.indexOf('$') >= 0 && !lvtName.startsWith("this$") ? null : lvtName;
    }

    /** The source name of local {@code var} at {@code insn} (see {@link #sourceName}), else null. */
    String localName(int var, int insn) {
        return sourceName(tableName(var, insn));
    }

    private String tableName(int var, int insn) {
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

    /** A class's simple name from its internal name, nested classes joined with a dot: {@code Map.Entry}. */
    static String simple(String internal) {
        String s = internal.substring(internal.lastIndexOf('/') + 1);
        return s.replace('$', '.');
    }

    /** The field a {@code putfield} or {@code putstatic} assigns, as the source names it: {@code Owner.name} or {@code this.name}. */
    static String assignedField(FieldInsnNode put) {
        return put.getOpcode() == Opcodes.PUTSTATIC ? simple(put.owner) + "." + put.name : "this." + put.name;
    }

    /** The type descriptor of local {@code var} at instruction {@code insn} from the LocalVariableTable, else null. */
    private String localDesc(int var, int insn) {
        if (method.localVariables == null) return null;
        for (LocalVariableNode lv : method.localVariables) {
            if (lv.index != var) continue;
            int s = method.instructions.indexOf(lv.start), e = method.instructions.indexOf(lv.end);
            if (insn >= s && insn < e) return lv.desc;
        }
        return null;
    }

    /** The local's name at {@code at}, or "local" and its slot when the LocalVariableTable has none. */
    String name(int var, int at) {
        String nm = localName(var, at);
        return nm == null ? "local" + var : nm;
    }
}
