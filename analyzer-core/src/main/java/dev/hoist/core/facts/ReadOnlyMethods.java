package dev.hoist.core.facts;

import java.util.Set;

/**
 * The documented list of JDK methods that Hoist treats as side-effect free: calling them again
 * with the same receiver and arguments gives the same answer as long as nobody mutates the
 * receiver. Entries are {@code owner.name} for every descriptor. Keep this list short and
 * obviously right; a wrong entry produces a wrong "hoist this call" advice.
 */
public final class ReadOnlyMethods {
    private ReadOnlyMethods() {
    }

    private static final Set<String> METHODS = Set.of(
            // String is immutable: every query is pure.
            "java/lang/String.length", "java/lang/String.charAt", "java/lang/String.isEmpty",
            "java/lang/String.indexOf", "java/lang/String.lastIndexOf", "java/lang/String.equals",
            "java/lang/String.hashCode", "java/lang/String.startsWith", "java/lang/String.endsWith",
            "java/lang/String.contains", "java/lang/String.isBlank", "java/lang/String.codePointAt",
            "java/lang/CharSequence.length", "java/lang/CharSequence.charAt",
            // Collection queries: read-only on every JDK implementation.
            "java/util/Collection.size", "java/util/Collection.isEmpty", "java/util/Collection.contains",
            "java/util/List.size", "java/util/List.get", "java/util/List.isEmpty", "java/util/List.contains",
            "java/util/List.indexOf",
            "java/util/ArrayList.size", "java/util/ArrayList.get", "java/util/ArrayList.isEmpty",
            "java/util/ArrayList.contains", "java/util/LinkedList.size",
            "java/util/Set.size", "java/util/Set.contains", "java/util/Set.isEmpty",
            "java/util/HashSet.size", "java/util/HashSet.contains",
            "java/util/Map.get", "java/util/Map.containsKey", "java/util/Map.size", "java/util/Map.isEmpty",
            "java/util/Map.getOrDefault", "java/util/Map.containsValue",
            "java/util/HashMap.get", "java/util/HashMap.containsKey", "java/util/HashMap.size",
            "java/util/HashMap.getOrDefault", "java/util/TreeMap.get", "java/util/TreeMap.containsKey",
            "java/util/concurrent/ConcurrentHashMap.get", "java/util/concurrent/ConcurrentHashMap.containsKey",
            // Pure arithmetic helpers and box reads.
            "java/lang/Math.max", "java/lang/Math.min", "java/lang/Math.abs", "java/lang/Math.sqrt",
            "java/lang/Math.pow", "java/lang/Math.log", "java/lang/Math.exp",
            "java/lang/Integer.intValue", "java/lang/Long.longValue", "java/lang/Double.doubleValue",
            "java/lang/Object.getClass", "java/lang/Enum.ordinal");

    public static boolean contains(String owner, String name) {
        return METHODS.contains(owner + "." + name);
    }
}
