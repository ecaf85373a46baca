package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Reflective lookups and invocations inside a loop. A lookup with the same class and arguments on
 * every iteration is hoisted; a lookup on a different class per element cannot be, so the advice
 * is a per-class cache at a lower score; invocations keep the MethodHandle advice.
 */
public final class ReflectionInLoopRule implements Rule {
    @Override
    public String id() {
        return "reflection-in-loop";
    }

    @Override
    public String title() {
        return "Reflection inside a loop";
    }

    @Override
    public String mechanism() {
        return "Class.forName and getMethod/getField search class metadata, check access and copy Method/Field "
                + "objects on every call. Method.invoke and Field.get box arguments and results, check access and "
                + "types, and are not inlined into the loop the way a direct call or a constant MethodHandle is.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (CallSite c : loop.reflectiveCalls()) {
                boolean lookup = c.owner().equals("java/lang/Class");
                String target = Names.simple(c.owner()) + "." + c.name() + "()";
                String where = " runs on every iteration of " + loop.where();
                Finding.Builder b = Finding.at(this, facts, loop, c.insn());
                if (lookup && sameEachTime(c)) {
                    b.score(70).confidence(Confidence.MEDIUM)
                            .message(target + where + " with the same class and arguments each time: the lookup searches class "
                                    + "metadata and copies the result on every call. Look it up once before the loop.")
                            .fix("for (...) {\n    Method m = type.getMethod(name);\n    m.invoke(obj);\n}",
                                    "Method m = type.getMethod(name);\nfor (...) {\n    m.invoke(obj);\n}");
                } else if (lookup) {
                    // A different class or name per element: nothing to hoist, but the answer per class never changes.
                    b.score(35).confidence(Confidence.MEDIUM)
                            .message(target + where + " on a different class or name each time, so it cannot be hoisted. "
                                    + "If the same classes come back on later calls, cache the result per class (a ClassValue, "
                                    + "or a map keyed by class) or resolve MethodHandles once per class.")
                            .fix("for (Class<?> c : types) {\n    for (Method m : c.getDeclaredMethods()) use(m);\n}",
                                        """
                                        static final ClassValue<Method[]> METHODS = new ClassValue<>() {
                                            protected Method[] computeValue(Class<?> c) { return c.getDeclaredMethods(); }
                                        };
                                        for (Class<?> c : types) {
                                            for (Method m : METHODS.get(c)) use(m);
                                        }""");
                } else {
                    b.score(50).confidence(Confidence.MEDIUM)
                            .message(target + where + ": reflective access checks access and argument types and boxes, and the "
                                    + "JIT folds it only when the Method or Field is a constant. Since JDK 18 (JEP 416) Method.invoke "
                                    + "and Field.get use method handles internally, which narrows the gap; a static final "
                                    + "MethodHandle or a LambdaMetafactory-made interface is still inlined like a direct call.")
                            .fix("for (...) {\n    " + invocation(c) + ";\n}", invocationFix(c));
                }
                out.add(b.build());
            }
        }
        return out;
    }

    /** The reflective call as the user wrote it, or its plain shape when a part has no name. */
    private static String invocation(CallSite c) {
        boolean named = c.receiver() != null && c.receiver().nameable()
                && c.arguments().stream().allMatch(dev.hoist.core.facts.Value::nameable);
        if (named) return Names.call(c);
        if (c.owner().equals("java/lang/reflect/Constructor")) return "constructor.newInstance(args)";
        return c.owner().equals("java/lang/reflect/Method") ? "method.invoke(obj, args)"
                : c.name().startsWith("set") ? "field." + c.name() + "(obj, value)" : "field." + c.name() + "(obj)";
    }

    /**
     * The fix as a pattern, by what is called: a Method gets an interface made once per Method with
     * LambdaMetafactory (what jackson-module-blackbird does), which the JIT inlines where a Method or
     * a MethodHandle that is not a constant stays a call through the reflection machinery; a Field is
     * read or written through a static final VarHandle where the field is known when the code is
     * written. A MethodHandle kept in a non-final field is no faster than reflection since JDK 18.
     */
    private static String invocationFix(CallSite c) {
        String recv = c.receiver() != null && c.receiver().nameable() ? c.receiver().text() : null;
        if (c.owner().equals("java/lang/reflect/Method")) {
            String m = recv != null ? recv : "method";
            return "// once per Method, where " + m + " is set: an interface the JIT can inline\n"
                    + "MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(" + m + ".getDeclaringClass(), MethodHandles.lookup());\n"
                    + "Function<Object, Object> call = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, \"apply\",\n"
                    + "        MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),\n"
                    + "        lookup.unreflect(" + m + "), lookup.unreflect(" + m + ").type().wrap()).getTarget().invokeExact();\n"
                    + "for (...) {\n    call.apply(obj); // a one-argument getter; other shapes take their own interface\n}";
        }
        if (c.owner().equals("java/lang/reflect/Constructor")) {
            String k = recv != null ? recv : "constructor";
            return "// once per Constructor, where " + k + " is set: a Supplier the JIT can inline\n"
                    + "MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(" + k + ".getDeclaringClass(), MethodHandles.lookup());\n"
                    + "Supplier<Object> create = (Supplier<Object>) LambdaMetafactory.metafactory(lookup, \"get\",\n"
                    + "        MethodType.methodType(Supplier.class), MethodType.methodType(Object.class),\n"
                    + "        lookup.unreflectConstructor(" + k + "), lookup.unreflectConstructor(" + k + ").type()).getTarget().invokeExact();\n"
                    + "for (...) {\n    create.get(); // a no-argument constructor; others take their own interface\n}";
        }
        if (!c.owner().equals("java/lang/reflect/Field")) {
            // java.lang.reflect.Array and the like: the element access itself is what to write
            return "for (...) {\n    ((int[]) array)[i] ... // instead of " + invocation(c) + ": cast once to the array's type\n}";
        }
        String f = recv != null ? recv : "field";
        String op = c.name().startsWith("set") ? "X.set(obj, value)" : "X.get(obj)";
        return "// where the field is known when the code is written: a constant handle, inlined like a field access\n"
                + "static final VarHandle X = MethodHandles.lookup().findVarHandle(Owner.class, \"name\", Type.class);\n"
                + "for (...) {\n    " + op + "; // instead of " + invocation(c) + "\n}\n"
                + "// where it is not (a framework's property, as " + f + " is): generate an accessor class per type once";
    }

    /**
     * The receiver and the name-like arguments are invariant. Array arguments (the varargs
     * parameter types of getMethod) are left out: javac builds a fresh array per call, but its
     * elements are class literals.
     */
    private static boolean sameEachTime(CallSite c) {
        if (c.receiver() != null && !c.receiver().invariant()) return false;
        Type[] types = Type.getArgumentTypes(c.descriptor());
        for (int i = 0; i < c.arguments().size() && i < types.length; i++) {
            if (types[i].getSort() != Type.ARRAY && !c.arguments().get(i).invariant()) return false;
        }
        return true;
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.TIME;
    }

    /**
     * A cached lookup or a direct call (a MethodHandle, a lambda) removes the reflective machinery, not
     * the work of the method, field or constructor it reaches: Saxon's {@code Configuration} built by
     * {@code Constructor.newInstance} is built just the same.
     */
    @Override
    public dev.hoist.core.rule.SavedPart savedPart(Finding finding) {
        return dev.hoist.core.rule.SavedPart.jdkWork();
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        for (dev.hoist.core.rule.SiteProfile.Callee k : site.callees()) {
            String n = k.method().className();
            if (n.startsWith("java.lang.reflect.") || n.startsWith("jdk.internal.reflect.") || n.startsWith("java.lang.Class")) {
                return dev.hoist.core.rule.Judgement.confirmed(Judge.simple(k.method().displayName()) + " sampled under the call site ("
                        + k.samples() + " samples)");
            }
        }
        return dev.hoist.core.rule.Judgement.undecided(finding.confidence());
    }
}
