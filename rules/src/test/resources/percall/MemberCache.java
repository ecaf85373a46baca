package percall;

import java.util.HashMap;
import java.util.Map;

/** A per-object cache looked up under the object's own monitor on every call (FreeMarker's BeanModel). */
public class MemberCache {
    private Map<String, Object> cache;

    Object get(String key) {
        Object cached;
        synchronized (this) {
            cached = cache != null ? cache.get(key) : null;
        }
        if (cached != null) return cached;
        Object made = key.toUpperCase();
        synchronized (this) {
            if (cache == null) cache = new HashMap<>();
            cache.put(key, made);
        }
        return made;
    }
}
