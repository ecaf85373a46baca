package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The call facts: every call in the method with its receiver, arguments, callee facts and result
 * uses, and for calls in loops the facts that hang on a call: reflection, boxing and unboxing
 * ({@link BoxingFacts}), copies ({@link CopyFacts}) and StringBuilder concatenation ({@link ConcatFacts}).
 */
final class CallFacts {
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

    private final MethodFacts f;
    private final BoxingFacts boxings;
    private final CopyFacts copies;
    private final ConcatFacts concats;

    CallFacts(MethodFacts f, ConcatFacts concats) {
        this.f = f;
        this.boxings = new BoxingFacts(f);
        this.copies = new CopyFacts(f);
        this.concats = concats;
    }

    void extract(int i, MethodInsnNode m, Loop.Builder lb) {
        Loop l = lb == null ? null : lb.loop();
        int op = m.getOpcode();
        SourceValue[] ops = f.flow.operands(i);
        boolean hasRecv = op != Opcodes.INVOKESTATIC;
        Value recv = null;
        List<Value> args = new ArrayList<>();
        if (l != null) {
            int k = 0;
            if (hasRecv && !m.name.equals("<init>")) recv = f.text.value(l, i, ops[k]);
            if (hasRecv) k++;
            for (; k < ops.length; k++) args.add(f.text.value(l, i, ops[k]));
        }
        // Rules ask about callees only inside loops; resolving the others would read classes for nothing.
        CalleeFacts callee = l != null ? f.resolver().callee(op, m.owner, m.name, m.desc)
                : CalleeFacts.unresolved(ReadOnlyMethods.contains(m.owner, m.name));
        boolean returnsValue = !m.desc.endsWith(")V");
        Uses uses = returnsValue && l != null ? f.uses.uses(i) : Uses.NONE;
        CallSite c = new CallSite(i, f.line(i), op, m.owner, m.name, m.desc, recv, List.copyOf(args), callee,
                l != null && f.everyIteration(l, i), uses, l);
        f.calls.add(c);
        if (l == null) return;
        lb.add(c, REFLECTIVE.contains(m.owner + "." + m.name));
        if (BOXES.contains(m.owner)) {
            Type[] at = Type.getArgumentTypes(m.desc);
            if (op == Opcodes.INVOKESTATIC && m.name.equals("valueOf") && at.length == 1 && at[0].getSort() != Type.OBJECT) {
                boxings.boxing(i, m, lb);
            } else if (op == Opcodes.INVOKEVIRTUAL && m.name.endsWith("Value") && at.length == 0) {
                boxings.unboxing(i, m, lb);
            }
        }
        copies.extract(i, m, lb, c);
        if (m.owner.equals("java/lang/StringBuilder") && m.name.equals("toString")) concats.builder(i, lb);
    }
}
