package cases.unsized_collection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection filled only on some iterations (guava's StandardTable.removeColumn puts a row only
 * when it held the column): the trip count is an upper bound, so the advice is hedged and LOW.
 * Filled on every iteration, the same map keeps the firm advice.
 */
public class ConditionalFill {

    static Map<String, String> matching(List<String> keys, String prefix) {
        Map<String, String> out = new HashMap<>(); // expect: unsized-collection@low "upper bound"
        for (int i = 0; i < keys.size(); i++) { // expect: invariant-call-in-loop
            String k = keys.get(i);
            if (k.startsWith(prefix)) {
                out.put(k, prefix);
            }
        }
        return out;
    }

    static Map<String, String> all(String[] keys) {
        Map<String, String> out = new HashMap<>(); // expect: unsized-collection@medium "Size it up front"
        for (int i = 0; i < keys.length; i++) {
            out.put(keys[i], keys[i]);
        }
        return out;
    }
}
