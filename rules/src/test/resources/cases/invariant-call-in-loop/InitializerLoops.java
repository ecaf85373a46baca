package cases.invariant_call_in_loop;

import java.util.HashMap;
import java.util.Map;

/**
 * The same invariant lookup in three places: a loop in a static initializer runs once per class,
 * so it is only informational; in a constructor once per object, so it is lowered; in an ordinary
 * method it keeps its score.
 */
public class InitializerLoops {

    static final Map<String, Integer> DEFAULTS = new HashMap<>();
    static final int[] TABLE = new int[64];

    static {
        DEFAULTS.put("width", 8);
        String key = "width";
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = i * DEFAULTS.get(key); // expect: invariant-call-in-loop@info "static initializer"
        }
    }

    private final int[] cells;

    InitializerLoops(Map<String, Integer> sizes, String key) {
        int[] c = new int[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = i * sizes.get(key); // expect: invariant-call-in-loop@low "constructor"
        }
        cells = c;
    }

    static int total(Map<String, Integer> sizes, String key, int n) {
        int t = 0;
        for (int i = 0; i < n; i++) {
            t += sizes.get(key); // expect: invariant-call-in-loop@medium
        }
        return t;
    }

    // A lambda written in a static initializer is compiled to lambda$static$N: it runs once too.
    static final Runnable WARM_UP = () -> {
        String key = "width";
        int sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += i * DEFAULTS.get(key); // expect: invariant-call-in-loop@info "in a lambda made there"
        }
        TABLE[0] = sum;
    };
}
