package cases.tuple_allocation_in_loop;

import java.util.AbstractMap.SimpleImmutableEntry;

/**
 * Small short-lived aggregates built on every iteration and only read there: a two-element
 * array, a record, a pair class, a map entry, a varargs array, and a call returning a fresh
 * small array. Escape analysis can remove them only if every use, including the callee, inlines.
 */
public class TuplesPerIteration {

    record Point(int x, int y) {
    }

    record Span(int from, int to) {
    }

    static final class Pair {
        final String key;
        final String value;

        Pair(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }

    static int spans(int[] lo, int[] hi) {
        int total = 0;
        for (int i = 0; i < lo.length; i++) {
            int[] range = new int[] {lo[i], hi[i]}; // expect: tuple-allocation-in-loop
            total += range[1] - range[0];
        }
        return total;
    }

    static long area(int[] xs, int[] ys) {
        long sum = 0;
        for (int i = 0; i < xs.length; i++) {
            Point p = new Point(xs[i], ys[i]); // expect: tuple-allocation-in-loop
            sum += (long) p.x() * p.y();
        }
        return sum;
    }

    static int matches(String[] keys, String[] values, String wanted) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            Pair pair = new Pair(keys[i], values[i]); // expect: tuple-allocation-in-loop
            if (pair.key.equals(wanted) && !pair.value.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    static int entryLengths(String[] keys, String[] values) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            SimpleImmutableEntry<String, String> e = new SimpleImmutableEntry<>(keys[i], values[i]); // expect: tuple-allocation-in-loop
            n += e.getKey().length() + e.getValue().length();
        }
        return n;
    }

    static int maxOfEach(int[] a, int[] b, int[] c) {
        int total = 0;
        for (int i = 0; i < a.length; i++) {
            total += max(a[i], b[i], c[i]); // expect: tuple-allocation-in-loop
        }
        return total;
    }

    static long widths(int[][] rows) {
        long total = 0;
        for (int[] row : rows) {
            int[] mm = minMax(row); // expect: tuple-allocation-in-loop
            total += mm[1] - mm[0];
        }
        return total;
    }

    static long totalSpan(int[][] rows) {
        long total = 0;
        for (int[] row : rows) {
            Span s = spanOf(row); // expect: tuple-allocation-in-loop
            total += s.to() - s.from();
        }
        return total;
    }

    // Returns a fresh record: escape analysis removes it only if this call is inlined.
    static Span spanOf(int[] row) {
        return new Span(row[0], row[row.length - 1]);
    }

    static int max(int... xs) {
        int m = Integer.MIN_VALUE;
        for (int x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    // Returns a fresh two-element array: a tuple in disguise.
    static int[] minMax(int[] row) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : row) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new int[] {min, max};
    }
}
