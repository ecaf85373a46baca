package cases.tuple_allocation_in_loop;

import java.util.List;

/**
 * Allocations in loops that are not tuple churn: objects kept after the iteration (added to a
 * collection, stored in a field, returned), a reused buffer, and an array far above the size
 * (EliminateAllocationArraySizeLimit, 64 elements) that escape analysis could ever replace.
 */
public class AllocationsThatEscape {

    record Point(int x, int y) {
    }

    private Point last;

    static void collect(int[] xs, int[] ys, List<Point> out) {
        for (int i = 0; i < xs.length; i++) {
            out.add(new Point(xs[i], ys[i]));
        }
    }

    void remember(int[] xs, int[] ys) {
        for (int i = 0; i < xs.length; i++) {
            last = new Point(xs[i], ys[i]);
        }
    }

    static int[] firstNegative(int[] xs) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] < 0) {
                return new int[] {i, xs[i]};
            }
        }
        return null;
    }

    // The fix: one array allocated before the loop and overwritten.
    static int spans(int[] lo, int[] hi) {
        int[] range = new int[2];
        int total = 0;
        for (int i = 0; i < lo.length; i++) {
            range[0] = lo[i];
            range[1] = hi[i];
            total += range[1] - range[0];
        }
        return total;
    }

    // A fresh array per iteration, but kept by the caller's list.
    static void ranges(int[][] rows, List<int[]> out) {
        for (int[] row : rows) {
            out.add(minMax(row));
        }
    }

    // Not small: 64 KiB per iteration is a different problem from tuple churn.
    static long checksum(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            byte[] block = new byte[65536];
            sum += block.length;
        }
        return sum;
    }

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
