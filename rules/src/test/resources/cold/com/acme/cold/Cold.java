package com.acme.cold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loops that are cold by construction: run once per class, or only when something fails. */
public class Cold {
    static final Map<String, Integer> TABLE = new HashMap<>();

    static {
        fill(TABLE, 200);
    }

    /** Called only from the static initializer: runs once per class. */
    private static void fill(Map<String, Integer> table, int n) {
        for (int i = 0; i < n; i++) {
            table.put("k" + i, i); // boxing, concatenation: once per class
        }
    }

    /** Also called from a public method: may run on every call. */
    private static void fillAgain(Map<String, Integer> table, int n) {
        for (int i = 0; i < n; i++) {
            table.put("k" + i, i);
        }
    }

    public static void refill(Map<String, Integer> table) {
        fillAgain(table, 10);
    }

    /** Always throws: building its message is the error path's cost, once. */
    static RuntimeException fail(String format, Object... args) {
        throw new IllegalArgumentException(String.format(format, args));
    }

    public static long check(int[] values) {
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                // a statement, as Jackson calls its report methods: the loop seems to go on, but fail always throws,
                // so the boxes and the varargs array are built only when it fails (a throw statement here would
                // leave the natural loop, and nothing in it would be reported at all)
                fail("bad value %d at %d", values[i], i);
            }
            sum += values[i];
        }
        return sum;
    }

    /** A throw caught inside the loop, which goes on: exceptions as control flow, not an error path. */
    public static int countNumbers(String[] cells) {
        int n = 0;
        for (String c : cells) {
            try {
                if (c.isEmpty()) throw new IllegalStateException("empty " + c);
                Integer.parseInt(c);
                n++;
            } catch (RuntimeException e) {
                n--;
            }
        }
        return n;
    }

    /** A server loop that never returns: what precedes its call is no error path. */
    public static void serve(List<String> requests) {
        List<String> log = new ArrayList<>();
        for (String r : requests) log.add("got " + r);
        forever(log);
    }

    private static void forever(List<String> log) {
        while (true) {
            if (log.isEmpty()) Thread.onSpinWait();
        }
    }
}
