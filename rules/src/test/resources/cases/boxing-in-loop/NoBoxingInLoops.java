package cases.boxing_in_loop;

import java.util.List;
import java.util.Map;

/**
 * Loops that do not box: primitive accumulators, primitive arrays, parsing to a primitive,
 * unboxing of elements that already exist (no allocation), and boxing done once outside the loop.
 */
public class NoBoxingInLoops {

    static long sum(long[] values) {
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i];
        }
        return total;
    }

    static int[] histogram(int[] buckets, int[] samples) {
        for (int s : samples) {
            buckets[s & 15]++;
        }
        return buckets;
    }

    static long parseAll(String[] texts) {
        long total = 0;
        for (String t : texts) {
            total += Long.parseLong(t);
        }
        return total;
    }

    // Reading Integers out of a list unboxes existing objects and allocates nothing.
    static long sumList(List<Integer> values) {
        long total = 0;
        for (Integer v : values) {
            total += v;
        }
        return total;
    }

    // The key is boxed once, before the loop.
    static int tally(Map<Integer, String> names, int id, String[] events) {
        Integer key = id;
        int n = 0;
        for (String e : events) {
            if (e.isEmpty()) {
                names.remove(key);
                n++;
            }
        }
        return n;
    }

    // The box is the method's result, returned from inside the loop (org.json's stringToNumber):
    // callers get a Number, so keeping the value primitive here is not the fix.
    static Number firstNumber(String[] texts) {
        for (String t : texts) {
            if (t.isEmpty()) continue;
            if (t.indexOf('.') >= 0) {
                return Double.valueOf(Double.parseDouble(t));
            }
            return Integer.valueOf(Integer.parseInt(t));
        }
        return null;
    }
}
