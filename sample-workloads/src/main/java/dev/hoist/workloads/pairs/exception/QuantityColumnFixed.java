package dev.hoist.workloads.pairs.exception;

import dev.hoist.workloads.Runner;

/**
 * Sums the quantity column of a spreadsheet import where many cells are blank or "n/a". The fixed
 * twin of {@link QuantityColumn}. Fix: a cell is parsed only after a scan says it is an optional
 * sign and one to nine decimal digits (which always fits an int); longer digit runs, which may overflow,
 * keep the try so the result stays the same as parseInt's.
 */
public final class QuantityColumnFixed {

    private QuantityColumnFixed() {
    }

    /** {sum of the numeric cells, number of other cells}. */
    public static long[] sum(String[] cells) {
        long sum = 0;
        long bad = 0;
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            int digits = digitsAfterSign(cell);
            if (digits == 0) {
                bad++;
            } else if (digits <= 9) {
                sum += Integer.parseInt(cell);
            } else {
                Integer big = parseOrNull(cell);
                if (big == null) {
                    bad++;
                } else {
                    sum += big;
                }
            }
        }
        return new long[] {sum, bad};
    }

    /** The number of digits after an optional sign when the rest is all digits, else 0. */
    static int digitsAfterSign(String s) {
        int length = s.length();
        int start = length > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (start == length) return 0;
        for (int j = start; j < length; j++) {
            // the digits parseInt accepts: any Unicode decimal digit, not only ASCII
            if (Character.digit(s.charAt(j), 10) < 0) return 0;
        }
        return length - start;
    }

    /** Rare: ten or more digits, which parseInt may reject as out of range. */
    private static Integer parseOrNull(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static void main(String[] args) {
        String[] cells = QuantityColumn.cells(42, 200_000);
        Runner.runPasses(args, "QuantityColumnFixed", () -> sum(cells)[0]);
    }
}
