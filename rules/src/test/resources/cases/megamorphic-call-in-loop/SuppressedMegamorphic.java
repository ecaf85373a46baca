package cases.megamorphic_call_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Suppression on a class, with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedMegamorphic {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    interface Filter {
        boolean accept(int v);
    }

    static final class Even implements Filter {
        public boolean accept(int v) {
            return (v & 1) == 0;
        }
    }

    static final class Positive implements Filter {
        public boolean accept(int v) {
            return v > 0;
        }
    }

    static final class Small implements Filter {
        public boolean accept(int v) {
            return v < 100;
        }
    }

    @SuppressHoist("megamorphic-call-in-loop")
    static final class Pipeline {
        static int count(Filter[] filters, int v) {
            int n = 0;
            for (Filter f : filters) {
                if (f.accept(v)) {
                    n++;
                }
            }
            return n;
        }
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("uninlinable-call-in-loop")
    static int countAll(Filter[] filters, int v) {
        int n = 0;
        for (int i = 0; i < filters.length; i++) {
            if (filters[i].accept(v)) { // expect: megamorphic-call-in-loop
                n++;
            }
        }
        return n;
    }
}
