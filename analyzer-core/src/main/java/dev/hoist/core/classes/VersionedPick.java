package dev.hoist.core.classes;

import java.util.Map;

/** The entry picked for one class path: the base entry or the best versioned one. */
final class VersionedPick<T> {
    T base;
    int version;
    T versioned;

    /** Records a class entry under its class path, keeping the base entry and the best versioned one. */
    static <T> void pick(Map<String, VersionedPick<T>> picks, String name, T entry, int release) {
        if (!name.startsWith("META-INF/")) {
            picks.computeIfAbsent(name, k -> new VersionedPick<>()).base = entry;
            return;
        }
        if (!name.startsWith(JarSource.VERSIONS)) {
            return;
        }
        int slash = name.indexOf('/', JarSource.VERSIONS.length());
        if (slash < 0) {
            return;
        }
        int version;
        try {
            version = Integer.parseInt(name.substring(JarSource.VERSIONS.length(), slash));
        } catch (NumberFormatException e) {
            return;
        }
        if (version < 9 || version > release) {
            return;
        }
        VersionedPick<T> p = picks.computeIfAbsent(name.substring(slash + 1), k -> new VersionedPick<>());
        if (p.versioned == null || version > p.version) {
            p.versioned = entry;
            p.version = version;
        }
    }
}
