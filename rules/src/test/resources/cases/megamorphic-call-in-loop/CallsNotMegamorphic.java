package cases.megamorphic_call_in_loop;

/**
 * Calls in loops that are not megamorphic: two implementations only (C2's bimorphic inline
 * cache inlines both), a single implementation, a receiver whose static type is a final class,
 * and a megamorphic call made outside any loop.
 */
public class CallsNotMegamorphic {

    interface Pricing {
        long price(long base);
    }

    static final class Retail implements Pricing {
        public long price(long base) {
            return base;
        }
    }

    static final class Wholesale implements Pricing {
        public long price(long base) {
            return base * 9 / 10;
        }
    }

    interface Clock {
        long ticks(long t);
    }

    static final class SystemClock implements Clock {
        public long ticks(long t) {
            return t + 1;
        }
    }

    interface Metric {
        int weight(int v);
    }

    static final class Linear implements Metric {
        public int weight(int v) {
            return v;
        }
    }

    static final class Square implements Metric {
        public int weight(int v) {
            return v * v;
        }
    }

    static final class Cube implements Metric {
        public int weight(int v) {
            return v * v * v;
        }
    }

    // Two implementations: bimorphic at worst.
    static long total(Pricing[] pricings, long base) {
        long sum = 0;
        for (int i = 0; i < pricings.length; i++) {
            sum += pricings[i].price(base);
        }
        return sum;
    }

    // One implementation.
    static long advance(Clock[] clocks, long t) {
        for (Clock c : clocks) {
            t = c.ticks(t);
        }
        return t;
    }

    // Three implementations of Metric, but the static type is the final class Square.
    static int squares(Square sq, int[] xs) {
        int sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += sq.weight(xs[i]);
        }
        return sum;
    }

    // The megamorphic call happens once, before the loop.
    static int scaled(Metric m, int[] xs) {
        int w = m.weight(2);
        int sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += xs[i] * w;
        }
        return sum;
    }
}
