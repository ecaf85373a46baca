package cases.regex_in_loop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** SuppressHoist with this rule's id silences it; another rule's id does not. */
public class SuppressedRegex {
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface SuppressHoist {
        String[] value();
    }

    @SuppressHoist("regex-in-loop")
    static int silenced(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += line.replaceAll("\\s+", "").length();
        }
        return n;
    }

    @SuppressHoist("copy-in-loop")
    static int otherRule(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += line.replaceAll("\\s+", "").length(); // expect: regex-in-loop
        }
        return n;
    }
}
