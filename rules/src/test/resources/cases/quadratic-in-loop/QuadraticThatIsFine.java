package cases.quadratic_in_loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Not reported: a search in a list this method never grows (a fixed lookup table), a HashSet
 * beside the list, ArrayList.get(i), LinkedList.getFirst and iteration, ArrayDeque at the front,
 * removal at the end, and a search outside any loop.
 */
public class QuadraticThatIsFine {

    static int fixedTable(List<String> allowed, String[] words) {
        int n = 0;
        for (String w : words) {
            if (allowed.contains(w)) {
                n++;
            }
        }
        return n;
    }

    static List<String> distinct(String[] words) {
        List<String> out = new ArrayList<>(words.length);
        Set<String> seen = new HashSet<>(words.length * 2);
        for (String w : words) {
            if (seen.add(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static long arrayGet(ArrayList<Long> values) {
        long sum = 0;
        int n = values.size();
        for (int i = 0; i < n; i++) {
            sum += values.get(i);
        }
        return sum;
    }

    static long iterate(LinkedList<Long> values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum + values.getFirst();
    }

    static int drain(ArrayDeque<String> queue, ArrayList<String> stack) {
        int n = 0;
        while (!queue.isEmpty()) {
            n += queue.pollFirst().length();
        }
        while (!stack.isEmpty()) {
            n += stack.remove(stack.size() - 1).length();
        }
        return n;
    }

    static boolean once(List<String> names, String name) {
        names.add(name);
        return names.contains("admin");
    }
}
