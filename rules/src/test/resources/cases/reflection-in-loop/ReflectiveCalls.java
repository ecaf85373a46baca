package cases.reflection_in_loop;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Reflection inside loops: lookups (forName, getMethod, getDeclaredField) that search class
 * metadata on every iteration, and reflective invocations and field accesses that pay argument
 * checks and an accessor dispatch the JIT cannot fold away unless the Method/Field is a constant.
 * Argument arrays are built once before each loop so that only reflection is on these lines.
 */
public class ReflectiveCalls {

    static void invokeAll(List<Object> targets, Method method) throws ReflectiveOperationException {
        Object[] noArgs = new Object[0];
        for (Object target : targets) {
            method.invoke(target, noArgs); // expect: reflection-in-loop
        }
    }

    static void loadAll(String[] names, List<Class<?>> out) throws ClassNotFoundException {
        for (String name : names) {
            out.add(Class.forName(name)); // expect: reflection-in-loop
        }
    }

    static void callByName(Object target, String[] methodNames) throws ReflectiveOperationException {
        Class<?>[] noTypes = new Class<?>[0];
        Object[] noArgs = new Object[0];
        Class<?> type = target.getClass();
        for (int i = 0; i < methodNames.length; i++) {
            Method m = type.getMethod(methodNames[i], noTypes); // expect: reflection-in-loop
            m.invoke(target, noArgs); // expect: reflection-in-loop
        }
    }

    static void copyNames(List<Object> beans, Field name, List<Object> out) throws IllegalAccessException {
        for (Object bean : beans) {
            out.add(name.get(bean)); // expect: reflection-in-loop
        }
    }

    static void resetCounters(Object[] beans, Field counter) throws IllegalAccessException {
        for (int i = 0; i < beans.length; i++) {
            counter.setInt(beans[i], 0); // expect: reflection-in-loop
        }
    }

    static void readField(Class<?> type, String[] fieldNames, List<Field> out) throws NoSuchFieldException {
        for (String fieldName : fieldNames) {
            out.add(type.getDeclaredField(fieldName)); // expect: reflection-in-loop
        }
    }

    static void createAll(Constructor<?> ctor, int n, List<Object> out) throws ReflectiveOperationException {
        Object[] noArgs = new Object[0];
        for (int i = 0; i < n; i++) {
            out.add(ctor.newInstance(noArgs)); // expect: reflection-in-loop
        }
    }
}
