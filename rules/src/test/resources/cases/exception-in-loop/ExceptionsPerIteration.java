package cases.exception_in_loop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Exceptions made per iteration: thrown and caught inside the loop, collected, or parse failures as validation. */
public class ExceptionsPerIteration {

    static class SkipRow extends RuntimeException {
        SkipRow(String message) {
            super(message);
        }
    }

    static int controlFlow(String[] rows) {
        int skipped = 0;
        for (String row : rows) {
            try {
                if (row.isEmpty()) {
                    throw new SkipRow("empty"); // expect: exception-in-loop "caught again inside the loop"
                }
            } catch (SkipRow e) {
                skipped++;
            }
        }
        return skipped;
    }

    static List<Exception> collected(int[] ages) {
        List<Exception> problems = new ArrayList<>(ages.length);
        for (int age : ages) {
            if (age < 0) {
                problems.add(new IllegalArgumentException("negative age")); // expect: exception-in-loop
            }
        }
        return problems;
    }

    static long validation(String[] cells) {
        long sum = 0;
        int bad = 0;
        for (String cell : cells) {
            try {
                sum += Integer.parseInt(cell); // expect: exception-in-loop "NumberFormatException"
            } catch (NumberFormatException e) {
                bad++;
            }
        }
        return sum + bad;
    }

    static double decimals(String[] cells) {
        double sum = 0;
        for (String cell : cells) {
            try {
                sum += Double.parseDouble(cell); // expect: exception-in-loop
                sum += new BigDecimal(cell).scale(); // expect: exception-in-loop
            } catch (IllegalArgumentException e) {
                sum -= 1;
            }
        }
        return sum;
    }
}
