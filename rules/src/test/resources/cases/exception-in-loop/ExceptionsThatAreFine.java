package cases.exception_in_loop;

/**
 * Not reported: a throw that leaves the loop (the error path runs once), an exception returned
 * as the error result (also once), a parse whose failure
 * leaves the loop, a parse caught by a handler for another exception type, and an exception made
 * outside any loop.
 */
public class ExceptionsThatAreFine {

    static int firstNegative(int[] xs) {
        int sum = 0;
        for (int x : xs) {
            if (x < 0) {
                throw new IllegalArgumentException("negative: " + x);
            }
            sum += x;
        }
        return sum;
    }

    static IllegalArgumentException firstProblem(int[] xs) {
        for (int x : xs) {
            if (x < 0) {
                return new IllegalArgumentException("negative: " + x);
            }
        }
        return null;
    }

    static long allOrNothing(String[] cells) {
        long sum = 0;
        try {
            for (String cell : cells) {
                sum += Long.parseLong(cell);
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return sum;
    }

    static long unguarded(String[] cells) {
        long sum = 0;
        for (String cell : cells) {
            sum += Long.parseLong(cell);
        }
        return sum;
    }

    static int otherHandler(String[] cells, StringBuilder log) {
        int sum = 0;
        for (String cell : cells) {
            try {
                sum += Integer.parseInt(cell);
                log.append(cell);
            } catch (IllegalStateException e) {
                sum--;
            }
        }
        return sum;
    }

    static RuntimeException cold(String message) {
        return new IllegalStateException(message);
    }
}
