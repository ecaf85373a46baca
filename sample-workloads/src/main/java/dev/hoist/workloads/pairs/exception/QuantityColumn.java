package dev.hoist.workloads.pairs.exception;

import dev.hoist.workloads.Runner;
import java.util.SplittableRandom;

/**
 * Sums the quantity column of a spreadsheet import where many cells are blank or "n/a", and
 * counts the cells that are not numbers. Anti-pattern: every cell is handed to
 * {@code Integer.parseInt} and the bad ones are caught as NumberFormatException, one stack walk
 * per bad cell. Twin: {@link QuantityColumnFixed}.
 */
public final class QuantityColumn {

    private QuantityColumn() {
    }

    /** {sum of the numeric cells, number of other cells}. */
    public static long[] sum(String[] cells) {
        long sum = 0;
        long bad = 0;
        for (int i = 0; i < cells.length; i++) {
            try {
                sum += Integer.parseInt(cells[i]);
            } catch (NumberFormatException e) {
                bad++;
            }
        }
        return new long[] {sum, bad};
    }

    /** Deterministic cells: about a third blank, "n/a" or "12 pcs", the rest integers from -999 to 99999. */
    public static String[] cells(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] junk = {"", "n/a", "12 pcs", "-", "+"};
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextInt(3) == 0 ? junk[random.nextInt(junk.length)] : Integer.toString(random.nextInt(101_000) - 1000);
        }
        return out;
    }

    public static void main(String[] args) {
        String[] cells = cells(42, 200_000);
        Runner.runPasses(args, "QuantityColumn", () -> sum(cells)[0]);
    }
}
