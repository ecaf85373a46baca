package dev.hoist.workloads.demo;

/**
 * Prices a batch of orders through the rule chain. Planted anti-pattern
 * (megamorphic-call-in-loop, second in cost): {@code rule.apply} is an interface call whose
 * site sees four classes, so it is dispatched through the itable and never inlined.
 */
public final class Pricing {

    private Pricing() {
    }

    /** The final price in cents of each order, same index as {@code orders}. */
    public static long[] price(Order[] orders, PriceRule[] chain) {
        long[] prices = new long[orders.length];
        for (int i = 0; i < orders.length; i++) {
            Order order = orders[i];
            long cents = order.quantity() * order.unitCents();
            for (int r = 0; r < chain.length; r++) {
                cents = chain[r].apply(order, cents);
            }
            prices[i] = cents;
        }
        return prices;
    }
}
