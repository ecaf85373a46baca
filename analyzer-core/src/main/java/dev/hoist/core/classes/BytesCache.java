package dev.hoist.core.classes;

import java.util.LinkedHashMap;

/** A byte-bounded LRU of re-read class files, so facts reading the same callee twice do not inflate it twice. */
final class BytesCache {
    private final long capacity;
    private long size;
    private final LinkedHashMap<String, byte[]> map = new LinkedHashMap<>(64, 0.75f, true);

    BytesCache(long capacity) {
        this.capacity = capacity;
    }

    synchronized byte[] get(String name) {
        return map.get(name);
    }

    synchronized void put(String name, byte[] bytes) {
        byte[] old = map.put(name, bytes);
        size += bytes.length - (old == null ? 0 : old.length);
        var it = map.entrySet().iterator();
        while (size > capacity && it.hasNext()) {
            size -= it.next().getValue().length;
            it.remove();
        }
    }
}
