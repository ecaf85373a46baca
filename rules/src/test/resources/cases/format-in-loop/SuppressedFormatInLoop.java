package cases.format_in_loop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/** SuppressHoist with this rule's id silences it; another rule's id does not. */
public class SuppressedFormatInLoop {
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface SuppressHoist {
        String[] value();
    }

    @SuppressHoist("format-in-loop")
    static int silenced(String[] keys) {
        int total = 0;
        List<String> seen = new ArrayList<>(keys.length);
        for (String k : keys) {
            total += String.format("%s;", k).length();
        }
        return total + seen.size();
    }

    @SuppressHoist("copy-in-loop")
    static int otherRule(String[] keys) {
        int total = 0;
        List<String> seen = new ArrayList<>(keys.length);
        for (String k : keys) {
            total += String.format("%s;", k).length(); // expect: format-in-loop
        }
        return total + seen.size();
    }
}
