package dev.hoist.workloads.demo;

import java.util.SplittableRandom;

/**
 * The demo's order feed: CSV lines {@code id,region,tier,quantity,unitCents}, and their parser.
 * Planted anti-pattern (copy-in-loop, the most expensive one, allocation-heavy): {@link #parse}
 * cuts every field out of the line with {@code substring}, even the two numeric fields that
 * {@code Integer.parseInt(line, begin, end, 10)} could read in place.
 */
public final class OrderFeed {

    static final String[] REGIONS = {"DE", "FR", "NL", "SE", "PL", "IT"};
    static final String[] TIERS = {"BASIC", "SILVER", "GOLD", "STAFF"};

    private OrderFeed() {
    }

    /** A deterministic batch of {@code count} feed lines. */
    public static String[] lines(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] regions = REGIONS;
        String[] tiers = TIERS;
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = "ORD-" + (10_000_000 + random.nextInt(90_000_000)) + ','
                    + regions[random.nextInt(regions.length)] + ','
                    + tiers[random.nextInt(tiers.length)] + ','
                    + (1 + random.nextInt(20)) + ','
                    + (99 + random.nextInt(50_000));
        }
        return lines;
    }

    /** Parses feed lines into orders, in order. */
    public static Order[] parse(String[] lines) {
        Order[] orders = new Order[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int c1 = line.indexOf(',');
            int c2 = line.indexOf(',', c1 + 1);
            int c3 = line.indexOf(',', c2 + 1);
            int c4 = line.indexOf(',', c3 + 1);
            orders[i] = new Order(
                    line.substring(0, c1),
                    line.substring(c1 + 1, c2),
                    line.substring(c2 + 1, c3),
                    Integer.parseInt(line.substring(c3 + 1, c4)),
                    Long.parseLong(line.substring(c4 + 1)));
        }
        return orders;
    }
}
