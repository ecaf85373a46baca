package dev.hoist.core.facts.samples;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** More loop shapes for the facts tests: concatenation, boxing, lambdas, volatile, reflection, dispatch, growth. */
public class Mixed {
    private volatile int flag;

    public interface Op {
        int apply(int x);
    }

    public static final class A implements Op {
        public int apply(int x) {
            return x + 1;
        }
    }

    public static final class B implements Op {
        public int apply(int x) {
            return x * 2;
        }
    }

    public static final class C implements Op {
        public int apply(int x) {
            return -x;
        }
    }

    String carried(String[] parts) {
        String s = "";
        for (String p : parts) {
            s += p;
        }
        return s;
    }

    String notCarried(String[] parts) {
        String last = null;
        for (String p : parts) {
            String t = "";
            t += p;
            last = t;
        }
        return last;
    }

    Long boxedTotal(long[] xs) {
        Long total = 0L;
        for (long x : xs) {
            total += x;
        }
        return total;
    }

    int lambdas(int[] xs, int k) {
        int s = 0;
        for (int x : xs) {
            IntUnaryOperator f = v -> v + k + x;
            s += f.applyAsInt(x);
        }
        return s;
    }

    int spin() {
        int n = 0;
        while (flag == 0) {
            n++;
        }
        return n;
    }

    Object reflect(Object o, String[] names) throws Exception {
        Object r = null;
        for (String n : names) {
            r = o.getClass().getMethod(n).invoke(o);
        }
        return r;
    }

    int dispatch(Op[] ops, int x) {
        for (Op op : ops) {
            x = op.apply(x);
        }
        return x;
    }

    int grow(int[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (i == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[i] = i;
        }
        return buf.length;
    }
}
