package cases.quadratic_in_loop;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/** Linear work per iteration: searches in a list the method grows, LinkedList.get(i), front removal and insertion. */
public class QuadraticPerIteration {

    static List<String> distinct(String[] words) {
        List<String> out = new ArrayList<>(words.length);
        for (String w : words) {
            if (!out.contains(w)) { // expect: quadratic-in-loop "HashSet"
                out.add(w);
            }
        }
        return out;
    }

    static int positions(int[] ids, int[] wanted) {
        List<Integer> seen = new ArrayList<>(ids.length);
        for (int id : ids) {
            seen.add(id); // expect: boxing-in-loop
        }
        int sum = 0;
        for (int w : wanted) {
            sum += seen.indexOf(w); // expect: quadratic-in-loop, boxing-in-loop
        }
        return sum;
    }

    static long walk(LinkedList<Long> values) {
        long sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i); // expect: quadratic-in-loop "LinkedList"
        }
        return sum;
    }

    static int drain(ArrayList<String> queue) {
        int n = 0;
        while (!queue.isEmpty()) {
            n += queue.remove(0).length(); // expect: quadratic-in-loop "ArrayDeque"
        }
        return n;
    }

    static ArrayList<Integer> reversed(int[] xs) {
        ArrayList<Integer> out = new ArrayList<>(xs.length);
        // the boxes are what the method returns, so no boxing advice
        for (int x : xs) {
            out.add(0, x); // expect: quadratic-in-loop
        }
        return out;
    }
}
