package dev.hoist.core.advice;

import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Finding;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static findings of classes already analyzed, with the facts of their methods, kept between
 * calls by a caller that advises on the same target again and again (the window re-ranks every
 * second while sampling), so only the costs are measured anew and no class is read twice. Keyed by
 * class name and a hash of the bytes, so a redefined class is analyzed again; the findings also
 * depend on the class path (callees, implementations) and the sources (fixes), so a cache serves
 * one of each: {@link ClassPathAdvisor.Cached} starts a new one when they change. Thread-safe.
 */
public final class FindingsCache {
    /** One analyzed class: its findings and the facts of every method the analysis looked at. */
    record Entry(List<Finding> findings, List<MethodFacts> facts) {
        Entry {
            findings = List.copyOf(findings);
            facts = List.copyOf(facts);
        }
    }

    private final Map<String, Entry> byClass = new ConcurrentHashMap<>();

    Entry get(String className, byte[] bytes) {
        return byClass.get(key(className, bytes));
    }

    void put(String className, byte[] bytes, Entry entry) {
        byClass.put(key(className, bytes), entry);
    }

    /** How many classes are cached. */
    public int size() {
        return byClass.size();
    }

    private static String key(String className, byte[] bytes) {
        return className + '#' + Arrays.hashCode(bytes) + '#' + bytes.length;
    }
}
