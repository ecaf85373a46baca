package cases.unsized_collection;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collections and buffers created with their default capacity and then filled by a loop whose
 * trip count is known before it starts (an array length, a collection size, an int bound), so
 * they grow several times (ArrayList by 1.5x, HashMap by doubling and rehashing) on the way.
 */
public class UnsizedCollections {

    static List<String> copyAll(String[] names) {
        List<String> out = new ArrayList<>(); // expect: unsized-collection
        for (String s : names) {
            out.add(s);
        }
        return out;
    }

    static Map<String, String> byId(String[] ids, String[] names) {
        Map<String, String> index = new HashMap<>(); // expect: unsized-collection
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], names[i]);
        }
        return index;
    }

    static Set<String> distinct(Collection<String> items) {
        Set<String> seen = new HashSet<>(); // expect: unsized-collection
        for (String s : items) {
            seen.add(s);
        }
        return seen;
    }

    static Map<String, String> ordered(String[] keys, String[] values) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>(); // expect: unsized-collection
        int i = 0;
        while (i < keys.length) {
            map.put(keys[i], values[i]);
            i++;
        }
        return map;
    }

    static ArrayDeque<String> labels(int count) {
        ArrayDeque<String> stack = new ArrayDeque<>(); // expect: unsized-collection
        for (int i = 0; i < count; i++) {
            stack.push(Integer.toString(i));
        }
        return stack;
    }

    static String joinPath(String[] parts) {
        StringBuilder sb = new StringBuilder(); // expect: unsized-collection
        for (String p : parts) {
            sb.append('/');
            sb.append(p);
        }
        return sb.toString();
    }

    static byte[] pack(int[] values) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(); // expect: unsized-collection
        for (int i = 0; i < values.length; i++) {
            bos.write(values[i]);
        }
        return bos.toByteArray();
    }
}
