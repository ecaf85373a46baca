package dev.hoist.workloads.pairs.invariantcall;

import java.util.Map;
import java.util.SplittableRandom;

/** One order line of a regional invoice batch: net amount in cents. */
public record Order(String id, long netCents) {

    /** VAT rates in basis points, per region code. */
    public static final Map<String, Integer> TAX_BASIS_POINTS = Map.of(
            "AT", 2000, "BE", 2100, "DE", 1900, "FR", 2000, "IE", 2300,
            "IT", 2200, "NL", 2100, "PL", 2300, "PT", 2300, "SE", 2500);

    /** A deterministic batch of {@code count} orders. */
    public static Order[] batch(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        Order[] orders = new Order[count];
        for (int i = 0; i < count; i++) {
            orders[i] = new Order("o-" + i, 100 + random.nextLong(500_000));
        }
        return orders;
    }
}
