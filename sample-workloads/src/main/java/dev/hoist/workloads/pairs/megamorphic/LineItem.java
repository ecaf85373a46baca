package dev.hoist.workloads.pairs.megamorphic;

import java.util.SplittableRandom;

/** One line of a shopping cart; four kinds, so a call site over mixed carts sees four classes. */
public sealed interface LineItem permits LineItem.Unit, LineItem.Weighed, LineItem.Bundle, LineItem.Subscription {

    /** The price of this line in cents. */
    long priceCents();

    /** Sold by the piece. */
    record Unit(long unitCents, int quantity) implements LineItem {
        @Override
        public long priceCents() {
            return unitCents * quantity;
        }
    }

    /** Sold by weight: the price is per kilogram, the amount in grams. */
    record Weighed(long centsPerKilo, int grams) implements LineItem {
        @Override
        public long priceCents() {
            return (centsPerKilo * grams + 500) / 1000;
        }
    }

    /** "3 for 2" style offers: full bundles at the bundle price, the rest at the unit price. */
    record Bundle(long unitCents, int quantity, int bundleSize, long bundleCents) implements LineItem {
        @Override
        public long priceCents() {
            return quantity / bundleSize * bundleCents + quantity % bundleSize * unitCents;
        }
    }

    /** A prepaid subscription with a percentage off for the number of months. */
    record Subscription(long monthlyCents, int months, int discountPercent) implements LineItem {
        @Override
        public long priceCents() {
            return monthlyCents * months * (100 - discountPercent) / 100;
        }
    }

    /** A deterministic mixed cart of {@code count} lines, kinds in random order. */
    @SuppressWarnings("NarrowCalculation") static LineItem[] cart(long seed, int count) { // cents * 2 < 50,000
        SplittableRandom random = new SplittableRandom(seed);
        LineItem[] items = new LineItem[count];
        for (int i = 0; i < count; i++) {
            int cents = 50 + random.nextInt(20_000);
            items[i] = switch (random.nextInt(4)) {
                case 0 -> new Unit(cents, 1 + random.nextInt(5));
                case 1 -> new Weighed(cents, 50 + random.nextInt(3000));
                case 2 -> new Bundle(cents, 1 + random.nextInt(9), 3, cents * 2);
                default -> new Subscription(cents, 1 + random.nextInt(24), random.nextInt(30));
            };
        }
        return items;
    }
}
