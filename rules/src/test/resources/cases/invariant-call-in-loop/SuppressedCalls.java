package cases.invariant_call_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

/** Suppression with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedCalls {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    @SuppressHoist("invariant-call-in-loop")
    static int totalLength(List<String> names) {
        int total = 0;
        for (int i = 0; i < names.size(); i++) {
            total += names.get(i).length();
        }
        return total;
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("copy-in-loop")
    static int countSpaces(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) { // expect: invariant-call-in-loop
            if (text.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
