package dev.hoist.workloads.pairs.reflection;

import dev.hoist.workloads.Runner;
import java.util.function.ToDoubleFunction;

/**
 * Sums a numeric column of trades chosen by name, as a report builder does for "SUM(price)".
 * The fixed twin of {@link ColumnSum}. Fix: the column name is resolved once, before the loop,
 * to a plain accessor reference, so the loop makes an ordinary call the JIT inlines.
 */
public final class ColumnSumFixed {

    private ColumnSumFixed() {
    }

    /** The sum of the column {@code column} (price, quantity or fee) over {@code trades}. */
    public static double sum(Trade[] trades, String column) {
        ToDoubleFunction<Trade> accessor = accessor(column);
        double total = 0;
        for (int i = 0; i < trades.length; i++) {
            total += accessor.applyAsDouble(trades[i]);
        }
        return total;
    }

    private static ToDoubleFunction<Trade> accessor(String column) {
        return switch (column) {
            case "price" -> Trade::price;
            case "quantity" -> Trade::quantity;
            case "fee" -> Trade::fee;
            default -> throw new IllegalArgumentException("no numeric column named '" + column + "'");
        };
    }

    public static void main(String[] args) {
        Trade[] trades = Trade.sample(42, 100_000);
        Runner.runPasses(args, "ColumnSumFixed", () -> (long) sum(trades, "price"));
    }
}
