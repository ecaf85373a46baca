package dev.hoist.workloads.pairs.megamorphic;

import dev.hoist.workloads.Runner;

/**
 * Totals shopping carts for a checkout service. The fixed twin of {@link CartTotal}.
 * Fix: the sealed hierarchy is dispatched by type tests, so each {@code priceCents()} call has
 * exactly one possible receiver class and is inlined.
 */
public final class CartTotalFixed {

    private CartTotalFixed() {
    }

    /** The cart's total in cents. */
    public static long totalCents(LineItem[] items) {
        long total = 0;
        for (int i = 0; i < items.length; i++) {
            LineItem item = items[i];
            if (item instanceof LineItem.Unit unit) {
                total += unit.priceCents();
            } else if (item instanceof LineItem.Weighed weighed) {
                total += weighed.priceCents();
            } else if (item instanceof LineItem.Bundle bundle) {
                total += bundle.priceCents();
            } else {
                total += ((LineItem.Subscription) item).priceCents();
            }
        }
        return total;
    }

    /** A mixed cart of {@code count} lines, the same for the twin. */
    public static LineItem[] sampleCart(long seed, int count) {
        return LineItem.cart(seed, count);
    }

    public static void main(String[] args) {
        LineItem[] items = sampleCart(42, 100_000);
        Runner.runPasses(args, "CartTotalFixed", () -> totalCents(items));
    }
}
