package dev.hoist.core.rule;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The rules found on the class path with {@link ServiceLoader}, by id, in id order. */
public final class RuleRegistry {
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    private RuleRegistry(List<Rule> found) {
        found.sort(Comparator.comparing(Rule::id));
        for (Rule r : found) rules.put(r.id(), r);
    }

    public static RuleRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(found::add);
        return new RuleRegistry(found);
    }

    public Collection<Rule> all() {
        return rules.values();
    }

    /** The rules with these ids, in the given order; an unknown id is a usage error listing the known ones. */
    public List<Rule> select(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) return List.copyOf(rules.values());
        List<Rule> out = new ArrayList<>();
        for (String id : ids) {
            Rule r = rules.get(id.trim());
            if (r == null) {
                throw new HoistException(Failure.USAGE, "Unknown rule '" + id + "'. Known rules: " + String.join(", ", rules.keySet()));
            }
            out.add(r);
        }
        return out;
    }
}
