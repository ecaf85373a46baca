package cases.unsized_collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Not reported: collections created with a capacity, loops whose trip count is unknown before
 * they start (reading lines, draining an iterator, a data-dependent while), and collections
 * filled without a loop.
 */
public class SizedOrUnknownTripCount {

    static List<String> copyAll(String[] names) {
        List<String> out = new ArrayList<>(names.length);
        for (String s : names) {
            out.add(s);
        }
        return out;
    }

    static Map<String, String> byId(String[] ids, String[] names) {
        Map<String, String> index = new HashMap<>(ids.length * 4 / 3 + 1);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], names[i]);
        }
        return index;
    }

    static String joinPath(String[] parts) {
        StringBuilder sb = new StringBuilder(parts.length * 16);
        for (String p : parts) {
            sb.append('/');
            sb.append(p);
        }
        return sb.toString();
    }

    static List<String> readAll(BufferedReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    static List<String> drain(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    // Collatz steps: the trip count depends on the data.
    static List<String> steps(long n) {
        List<String> out = new ArrayList<>();
        while (n > 1) {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            out.add(Long.toString(n));
        }
        return out;
    }

    static List<String> pair(String a, String b) {
        List<String> out = new ArrayList<>();
        out.add(a);
        out.add(b);
        return out;
    }
}
