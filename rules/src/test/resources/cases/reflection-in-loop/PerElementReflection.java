package cases.reflection_in_loop;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Reflection whose class or name changes per element (guava's SubscriberRegistry walks the
 * supertypes and calls getDeclaredMethods() on each; Reflection.initialize calls Class.forName on
 * each name): "look it up once before the loop" would be false, so the advice is a per-class cache,
 * at a lower severity. A lookup with the same class and name on every iteration is hoistable.
 */
public class PerElementReflection {

    static List<Method> annotated(List<Class<?>> supertypes, List<Method> out) {
        for (Class<?> supertype : supertypes) {
            for (Method m : supertype.getDeclaredMethods()) { // expect: reflection-in-loop@low "cache the result per class"
                if (m.isSynthetic()) continue;
                out.add(m);
            }
        }
        return out;
    }

    static void initialize(String... names) throws ClassNotFoundException {
        for (String name : names) {
            Class.forName(name); // expect: reflection-in-loop@low "cannot be hoisted"
        }
    }

    static int sameLookup(Class<?> type, Object[] targets) throws ReflectiveOperationException {
        int n = 0;
        for (Object t : targets) {
            Method m = type.getMethod("hashCode"); // expect: reflection-in-loop@medium "Look it up once before the loop"
            n += (Integer) m.invoke(t); // expect: reflection-in-loop "JEP 416"
        }
        return n;
    }
}
