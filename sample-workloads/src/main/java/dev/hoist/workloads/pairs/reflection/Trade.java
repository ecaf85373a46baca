package dev.hoist.workloads.pairs.reflection;

import java.util.SplittableRandom;

/** One executed trade, as a reporting tool reads it from a CSV export. */
public record Trade(String symbol, double price, double quantity, double fee) {

    /** A deterministic list of {@code count} trades. */
    public static Trade[] sample(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] symbols = {"ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI"};
        Trade[] trades = new Trade[count];
        for (int i = 0; i < count; i++) {
            trades[i] = new Trade(symbols[random.nextInt(symbols.length)],
                    Math.round(random.nextDouble(10, 500) * 100) / 100.0,
                    1 + random.nextInt(1000),
                    Math.round(random.nextDouble(0, 5) * 100) / 100.0);
        }
        return trades;
    }
}
