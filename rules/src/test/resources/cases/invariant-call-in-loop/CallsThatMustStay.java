package cases.invariant_call_in_loop;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Calls in loops that must not be reported: the loop mutates the receiver, the receiver or an
 * argument changes per iteration, the method has side effects, or the call is already hoisted.
 */
public class CallsThatMustStay {

    static final class Counter {
        private int value;

        int next() {
            return ++value;
        }
    }

    // Worklist: the loop appends to the list, so size() must be re-read.
    static List<String> ancestors(String start, Map<String, String> parents, List<String> work) {
        work.add(start);
        for (int i = 0; i < work.size(); i++) {
            String parent = parents.get(work.get(i));
            if (parent != null) {
                work.add(parent);
            }
        }
        return work;
    }

    // remove() mutates the receiver of size().
    static int drain(List<String> stack) {
        int n = 0;
        while (stack.size() > 0) {
            n += stack.remove(stack.size() - 1).length();
        }
        return n;
    }

    // The map is written under the same key inside the loop.
    static int changes(Map<String, String> state, String key, String[] events) {
        int n = 0;
        for (String e : events) {
            String last = state.get(key);
            if (!e.equals(last)) {
                state.put(key, e);
                n++;
            }
        }
        return n;
    }

    // The receiver changes per iteration.
    static int totalLength(String[] words) {
        int total = 0;
        for (String w : words) {
            total += w.length();
        }
        return total;
    }

    // The argument changes per iteration.
    static int known(Map<String, String> map, String[] keys) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (map.containsKey(keys[i])) {
                n++;
            }
        }
        return n;
    }

    // Invariant receiver and argument, but nextInt changes the generator's state.
    static long rolls(Random rnd, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += rnd.nextInt(6);
        }
        return sum;
    }

    // A getter with a side effect is not side-effect-free.
    static int[] tickets(Counter counter, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = counter.next();
        }
        return out;
    }

    // The fix: size() read once before the loop.
    static int totalLengthHoisted(List<String> names) {
        int total = 0;
        int n = names.size();
        for (int i = 0; i < n; i++) {
            total += names.get(i).length();
        }
        return total;
    }
}
