package dev.hoist.workloads.pairs.copy;

import dev.hoist.workloads.Runner;

/**
 * Counts error lines per hour of the day in an application log, for an on-call dashboard.
 * Anti-pattern: every line is cut with {@code substring} twice, copying characters into two
 * new strings just to compare and parse them. Twin: {@link ErrorsByHourFixed}.
 */
public final class ErrorsByHour {

    private ErrorsByHour() {
    }

    /** Error lines per hour: index 0..23. */
    public static int[] count(String[] lines) {
        int[] errors = new int[24];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.substring(LogLines.LEVEL_START, LogLines.LEVEL_START + 5).equals("ERROR")) {
                errors[Integer.parseInt(line.substring(LogLines.HOUR_START, LogLines.HOUR_START + 2))]++;
            }
        }
        return errors;
    }

    public static void main(String[] args) {
        String[] lines = LogLines.generate(42, 200_000);
        Runner.runPasses(args, "ErrorsByHour", () -> count(lines)[13]);
    }
}
