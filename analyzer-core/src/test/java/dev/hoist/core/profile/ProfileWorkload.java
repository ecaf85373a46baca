package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM workload for the reader tests: three methods with the same loop body and 6:3:1 work,
 * so their cpu ranking is known by construction, plus a boxing loop that allocates Integers and
 * grows an unsized ArrayList. Runs for the number of milliseconds given as the first argument.
 */
public final class ProfileWorkload {
    static volatile long sink;

    static long heavy(int n) {
        long s = 1;
        for (int i = 0; i < n; i++) {
            s = s * 31 + (i ^ (s >>> 7));
        }
        return s;
    }

    static long medium(int n) {
        long s = 1;
        for (int i = 0; i < n; i++) {
            s = s * 31 + (i ^ (s >>> 7));
        }
        return s;
    }

    static long light(int n) {
        long s = 1;
        for (int i = 0; i < n; i++) {
            s = s * 31 + (i ^ (s >>> 7));
        }
        return s;
    }

    static int churn(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i * 7);
        }
        return list.size();
    }

    public static void main(String[] args) {
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        while (System.currentTimeMillis() < end) {
            sink += heavy(6_000_000);
            sink += medium(3_000_000);
            sink += light(1_000_000);
            sink += churn(50_000);
        }
    }
}
