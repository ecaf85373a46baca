package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.math.BigDecimal;

/**
 * A column of cells parsed with {@code new BigDecimal} inside a try whose handler counts the bad
 * ones, as org.json's stringToNumber does; here every cell is a number, so no exception is ever
 * built. The pattern is there, its cost is not: checking the text first would save nothing, and
 * the parse itself stays.
 */
public final class NumberCells {
    private NumberCells() {
    }

    static BigDecimal sum(String[] cells) {
        BigDecimal total = BigDecimal.ZERO;
        int bad = 0;
        for (String c : cells) {
            try {
                total = total.add(new BigDecimal(c));
            } catch (NumberFormatException e) {
                bad++;
            }
        }
        return bad > 0 ? total.negate() : total;
    }

    public static void main(String[] args) {
        String[] cells = new String[4096];
        for (int i = 0; i < cells.length; i++) cells[i] = (i * 7919 % 100000) + "." + (i % 100);
        Runner.runPasses(args, "NumberCells", () -> {
            long n = 0;
            for (int round = 0; round < 8; round++) n += sum(cells).scale();
            return n;
        });
    }
}
