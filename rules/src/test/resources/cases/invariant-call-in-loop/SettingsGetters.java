package cases.invariant_call_in_loop;

import java.util.HashMap;
import java.util.Map;

/**
 * A settings getter that looks its value up in a map and parses it on every call: not a trivial
 * getter, but pure (it only reads), so its result is the same on every iteration and belongs
 * before the loop. The same getter is not advised where the loop changes what it reads.
 */
public class SettingsGetters {

    static final class Settings {
        private final Map<String, String> values = new HashMap<>();
        private int overrides;

        int threshold() {
            String v = values.get("threshold");
            return v == null ? 100 + overrides : Integer.parseInt(v.trim()) + overrides;
        }

        void override(int by) {
            overrides += by;
        }
    }

    private final Settings settings = new Settings();

    long countAbove(int[] xs) {
        long n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] > settings.threshold()) n++; // expect: invariant-call-in-loop
        }
        return n;
    }

    // the loop changes a field the getter reads: its result changes from one iteration to the next
    long countAndAdjust(int[] xs) {
        long n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] > settings.threshold()) {
                n++;
                settings.override(1);
            }
        }
        return n;
    }
}
