package cases.string_concat_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Suppression on a class, with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedConcat {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    // At most three parts ever: the quadratic cost does not matter here.
    @SuppressHoist("string-concat-in-loop")
    static final class ShortNames {
        static String initials(String[] words) {
            String s = "";
            for (String w : words) {
                s += w.charAt(0);
            }
            return s;
        }
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("copy-in-loop")
    static String joinAll(String[] parts) {
        String result = "";
        for (String part : parts) {
            result += part; // expect: string-concat-in-loop
        }
        return result;
    }
}
