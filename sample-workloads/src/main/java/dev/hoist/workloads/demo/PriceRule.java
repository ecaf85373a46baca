package dev.hoist.workloads.demo;

import java.util.Map;

/**
 * One step of the demo shop's pricing chain. The four implementations below all run at the same
 * call site in {@link Pricing#price}, which makes that site megamorphic.
 */
public interface PriceRule {

    /** The price in cents after this rule, given the price before it. */
    long apply(Order order, long cents);

    /** Percent off by loyalty tier. */
    final class TierDiscount implements PriceRule {
        @Override
        public long apply(Order order, long cents) {
            int percent = switch (order.tier()) {
                case "SILVER" -> 5;
                case "GOLD" -> 10;
                case "STAFF" -> 30;
                default -> 0;
            };
            return cents - cents * percent / 100;
        }
    }

    /** Two percent off from ten pieces on. */
    final class BulkDiscount implements PriceRule {
        @Override
        public long apply(Order order, long cents) {
            return order.quantity() >= 10 ? cents - cents * 2 / 100 : cents;
        }
    }

    /** VAT of the order's region, in basis points. */
    final class RegionTax implements PriceRule {
        private static final Map<String, Integer> BASIS_POINTS =
                Map.of("DE", 1900, "FR", 2000, "NL", 2100, "SE", 2500, "PL", 2300, "IT", 2200);

        @Override
        public long apply(Order order, long cents) {
            return cents + cents * BASIS_POINTS.get(order.region()) / 10_000;
        }
    }

    /** Prices end in 9 cents, as marketing wants. */
    final class CharmRounding implements PriceRule {
        @Override
        public long apply(Order order, long cents) {
            return cents / 10 * 10 + 9;
        }
    }

    /** The shop's chain, in the order it applies. */
    static PriceRule[] chain() {
        return new PriceRule[] {new TierDiscount(), new BulkDiscount(), new RegionTax(), new CharmRounding()};
    }
}
