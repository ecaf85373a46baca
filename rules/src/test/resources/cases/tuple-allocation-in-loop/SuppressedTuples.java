package cases.tuple_allocation_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Suppression with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedTuples {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    record Point(int x, int y) {
    }

    @SuppressHoist("tuple-allocation-in-loop")
    static long area(int[] xs, int[] ys) {
        long sum = 0;
        for (int i = 0; i < xs.length; i++) {
            Point p = new Point(xs[i], ys[i]);
            sum += (long) p.x() * p.y();
        }
        return sum;
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("boxing-in-loop")
    static int spans(int[] lo, int[] hi) {
        int total = 0;
        for (int i = 0; i < lo.length; i++) {
            int[] range = {lo[i], hi[i]}; // expect: tuple-allocation-in-loop
            total += range[1] - range[0];
        }
        return total;
    }
}
