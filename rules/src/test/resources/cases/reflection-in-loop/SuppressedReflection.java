package cases.reflection_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.List;

/** Suppression with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedReflection {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    // A plugin loader that runs once at startup: the reflection is intended.
    @SuppressHoist("reflection-in-loop")
    static void startAll(List<Object> plugins, Method start) throws ReflectiveOperationException {
        Object[] noArgs = new Object[0];
        for (Object plugin : plugins) {
            start.invoke(plugin, noArgs);
        }
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("tuple-allocation-in-loop")
    static void loadAll(String[] names, List<Class<?>> out) throws ClassNotFoundException {
        for (String name : names) {
            out.add(Class.forName(name)); // expect: reflection-in-loop
        }
    }
}
