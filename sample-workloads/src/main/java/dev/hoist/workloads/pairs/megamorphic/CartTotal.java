package dev.hoist.workloads.pairs.megamorphic;

import dev.hoist.workloads.Runner;

/**
 * Totals shopping carts for a checkout service. Anti-pattern: {@code priceCents()} is an
 * interface call whose site sees four receiver classes, so the JIT makes it a real itable
 * dispatch and inlines none of the four bodies. Twin: {@link CartTotalFixed}.
 */
public final class CartTotal {

    private CartTotal() {
    }

    /** The cart's total in cents. */
    public static long totalCents(LineItem[] items) {
        long total = 0;
        for (int i = 0; i < items.length; i++) {
            LineItem item = items[i];
            total += item.priceCents();
        }
        return total;
    }

    /** A mixed cart of {@code count} lines, the same for the twin. */
    public static LineItem[] sampleCart(long seed, int count) {
        return LineItem.cart(seed, count);
    }

    public static void main(String[] args) {
        LineItem[] items = sampleCart(42, 100_000);
        Runner.runPasses(args, "CartTotal", () -> totalCents(items));
    }
}
