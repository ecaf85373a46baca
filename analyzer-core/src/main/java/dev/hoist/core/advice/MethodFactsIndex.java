package dev.hoist.core.advice;

import dev.hoist.core.facts.MethodFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts the analysis computed for the hot classes, found by method: the advisor measures
 * findings and walks up to callers' loops with them, without reading a class a second time.
 */
final class MethodFactsIndex {
    private final Map<String, MethodFacts> byMethod = new HashMap<>();
    private final Map<String, MethodFacts> byName = new HashMap<>();
    private final Map<String, Integer> overloads = new HashMap<>();

    MethodFactsIndex(List<MethodFacts> facts) {
        for (MethodFacts f : facts) {
            String cls = f.className().replace('/', '.');
            byMethod.put(cls + '.' + f.methodName() + f.descriptor(), f);
            String name = cls + '.' + f.methodName();
            byName.put(name, f);
            overloads.merge(name, 1, Integer::sum);
        }
    }

    /**
     * The facts of {@code className.method} ({@code descriptor} may be empty when the sampler kept
     * none: then the only analyzed method of that name, since the profile does not say which overload).
     */
    MethodFacts of(String className, String method, String descriptor) {
        if (!descriptor.isEmpty()) return byMethod.get(className + '.' + method + descriptor);
        String name = className + '.' + method;
        return overloads.getOrDefault(name, 0) == 1 ? byName.get(name) : null;
    }
}
