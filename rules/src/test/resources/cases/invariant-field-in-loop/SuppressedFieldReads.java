package cases.invariant_field_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Suppression: {@code @SuppressWarnings} never reaches the class file, so Hoist honours any
 * CLASS or RUNTIME annotation named {@code SuppressHoist} with the rule ids in {@code value}.
 */
public class SuppressedFieldReads {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    private int limit;
    private int[] data;

    @SuppressHoist("invariant-field-in-loop")
    int suppressedOnMethod() {
        int sum = 0;
        for (int i = 0; i < limit; i++) {
            sum += data[i];
        }
        return sum;
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("boxing-in-loop")
    int otherRuleSuppressed(int[] xs) {
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] < limit) { // expect: invariant-field-in-loop
                n++;
            }
        }
        return n;
    }

    @SuppressHoist({"invariant-field-in-loop", "invariant-call-in-loop"})
    static final class SuppressedOnClass {
        private int step;

        long walk(int n) {
            long pos = 0;
            for (int i = 0; i < n; i++) {
                pos += step;
            }
            return pos;
        }
    }
}
