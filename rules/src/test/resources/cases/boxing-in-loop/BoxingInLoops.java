package cases.boxing_in_loop;

import java.util.List;
import java.util.Map;

/**
 * Autoboxing per iteration: primitives passed where an object is expected (valueOf calls javac
 * inserts), and boxed accumulators that unbox, add and box again on every iteration. Values
 * outside the -128..127 cache allocate unless escape analysis removes the box.
 */
public class BoxingInLoops {

    static void collectIds(int[] ids, List<Integer> out) {
        for (int i = 0; i < ids.length; i++) {
            out.add(ids[i]); // expect: boxing-in-loop
        }
    }

    static long sum(long[] values) {
        Long total = 0L;
        for (int i = 0; i < values.length; i++) {
            total += values[i]; // expect: boxing-in-loop
        }
        return total;
    }

    static int countMatches(String[] words, String wanted) {
        Integer count = 0;
        for (String w : words) {
            if (w.equals(wanted)) {
                count++; // expect: boxing-in-loop
            }
        }
        return count;
    }

    static void histogram(String[] words, Map<String, Integer> counts) {
        for (String w : words) {
            counts.put(w, counts.getOrDefault(w, 0) + 1); // expect: boxing-in-loop
        }
    }

    // A map keyed by Integer boxes the key of every lookup.
    static int resolved(int[] ids, Map<Integer, String> names) {
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (names.get(ids[i]) != null) { // expect: boxing-in-loop
                n++;
            }
        }
        return n;
    }

    static void ratios(double[] num, double[] den, List<Double> out) {
        int i = 0;
        while (i < num.length) {
            out.add(num[i] / den[i]); // expect: boxing-in-loop
            i++;
        }
    }

    // Not reported: the boxes are what the method returns (a List<Double> is its API).
    static List<Double> asList(double[] values) {
        List<Double> out = new java.util.ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(values[i]);
        }
        return out;
    }
}
