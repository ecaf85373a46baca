package dev.hoist.workloads.pairs.reflection;

import dev.hoist.workloads.Runner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Sums a numeric column of trades chosen by name, as a report builder does for "SUM(price)".
 * Anti-pattern: the column is read through {@link Method#invoke} on every row, which checks
 * access, boxes the result and hides the accessor from the JIT. Twin: {@link ColumnSumFixed}.
 */
public final class ColumnSum {

    private ColumnSum() {
    }

    /** The sum of the column {@code column} (price, quantity or fee) over {@code trades}. */
    public static double sum(Trade[] trades, String column) {
        Method accessor = accessor(column);
        double total = 0;
        try {
            for (int i = 0; i < trades.length; i++) {
                total += (Double) accessor.invoke(trades[i]);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read column " + column, e);
        }
        return total;
    }

    private static Method accessor(String column) {
        try {
            Method method = Trade.class.getMethod(column);
            if (method.getReturnType() == double.class) {
                return method;
            }
        } catch (NoSuchMethodException e) {
            // reported below like any other unknown column
        }
        throw new IllegalArgumentException("no numeric column named '" + column + "'");
    }

    public static void main(String[] args) {
        Trade[] trades = Trade.sample(42, 100_000);
        Runner.runPasses(args, "ColumnSum", () -> (long) sum(trades, "price"));
    }
}
