package cases.reflection_in_loop;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Not reflection in a loop: lookups and invocations outside the loop, and the user's own
 * methods that merely share names with reflective ones ({@code invoke}, {@code get}).
 */
public class NoReflectionInLoop {

    // The recommended fix: a method handle in a static final field is a constant to C2, and
    // invokeExact is a signature-polymorphic intrinsic call, neither reflection nor varargs.
    private static final MethodHandle LENGTH = findLength();

    private static MethodHandle findLength() {
        try {
            return MethodHandles.lookup().findVirtual(String.class, "length", MethodType.methodType(int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static long totalLength(String[] words) throws Throwable {
        long total = 0;
        for (String w : words) {
            total += (int) LENGTH.invokeExact(w);
        }
        return total;
    }

    interface Handler {
        int invoke(int v);
    }

    static final class Registry {
        private final Map<String, Handler> handlers;

        Registry(Map<String, Handler> handlers) {
            this.handlers = handlers;
        }

        Handler get(String name) {
            return handlers.get(name);
        }
    }

    // The fix: resolve once, then call through a plain interface inside the loop.
    static int applyAll(Registry registry, String[] names, int v) {
        for (String name : names) {
            Handler h = registry.get(name);
            v = h.invoke(v);
        }
        return v;
    }

    // Reflection once, before and after the loop.
    static int lookupOnce(Class<?> type, String name, Object target, int[] xs) throws ReflectiveOperationException {
        Class<?>[] noTypes = new Class<?>[0];
        Method m = type.getMethod(name, noTypes);
        int sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += xs[i];
        }
        Object[] noArgs = new Object[0];
        m.invoke(target, noArgs);
        return sum;
    }

    // Map.get() is not Field.get().
    static void resolve(List<String> items, Map<String, String> aliases, List<String> out) {
        for (String item : items) {
            out.add(aliases.get(item));
        }
    }
}
