package cases.boxing_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

/** Suppression with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedBoxing {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    @SuppressHoist("boxing-in-loop")
    static void collectIds(int[] ids, List<Integer> out) {
        for (int id : ids) {
            out.add(id);
        }
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("unsized-collection")
    static long sum(long[] values) {
        Long total = 0L;
        for (long v : values) {
            total += v; // expect: boxing-in-loop
        }
        return total;
    }
}
