package cases.unsized_collection;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;

/** Suppression with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedUnsized {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    // Usually only a handful of names pass the filter, so the default capacity is right.
    @SuppressHoist("unsized-collection")
    static List<String> rare(String[] names) {
        List<String> out = new ArrayList<>();
        for (String s : names) {
            if (s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("string-concat-in-loop")
    static List<String> copyAll(String[] names) {
        List<String> out = new ArrayList<>(); // expect: unsized-collection
        for (String s : names) {
            out.add(s);
        }
        return out;
    }
}
