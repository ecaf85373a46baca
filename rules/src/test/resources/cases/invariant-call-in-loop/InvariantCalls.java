package cases.invariant_call_in_loop;

import java.util.List;
import java.util.Map;

/**
 * Side-effect-free calls (JDK read-only methods, a trivial getter) whose receiver and arguments
 * do not change in the loop, yet are made again on every iteration.
 */
public class InvariantCalls {

    static final class Config {
        private final int limit;

        Config(int limit) {
            this.limit = limit;
        }

        int getLimit() {
            return limit;
        }
    }

    static int totalLength(List<String> names) {
        int total = 0;
        for (int i = 0; i < names.size(); i++) { // expect: invariant-call-in-loop
            total += names.get(i).length();
        }
        return total;
    }

    static int countSpaces(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) { // expect: invariant-call-in-loop
            if (text.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    // The same key is looked up on every iteration.
    static void render(StringBuilder out, int[] values, Map<String, String> units, String kind) {
        for (int i = 0; i < values.length; i++) {
            String unit = units.get(kind); // expect: invariant-call-in-loop
            out.append(values[i]).append(unit).append('\n');
        }
    }

    static int countNonEmpty(String[] lines, Map<String, String> options) {
        int n = 0;
        for (String line : lines) {
            if (options.containsKey("verbose") || !line.isEmpty()) { // expect: invariant-call-in-loop
                n++;
            }
        }
        return n;
    }

    static int countClipped(int[] xs, Config config) {
        int clipped = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] > config.getLimit()) { // expect: invariant-call-in-loop
                clipped++;
            }
        }
        return clipped;
    }

    static int countWithHeaderPrefix(List<String> header, String[] rows) {
        int n = 0;
        for (String row : rows) {
            if (row.startsWith(header.get(0))) { // expect: invariant-call-in-loop
                n++;
            }
        }
        return n;
    }
}
