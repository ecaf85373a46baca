package dev.hoist.workloads.pairs.copy;

import dev.hoist.workloads.Runner;

/**
 * Counts error lines per hour of the day in an application log, for an on-call dashboard.
 * The fixed twin of {@link ErrorsByHour}. Fix: the level is compared and the hour parsed in
 * place, by index, with no copy of the line.
 */
public final class ErrorsByHourFixed {

    private ErrorsByHourFixed() {
    }

    /** Error lines per hour: index 0..23. */
    public static int[] count(String[] lines) {
        int[] errors = new int[24];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("ERROR", LogLines.LEVEL_START)) {
                errors[Integer.parseInt(line, LogLines.HOUR_START, LogLines.HOUR_START + 2, 10)]++;
            }
        }
        return errors;
    }

    public static void main(String[] args) {
        String[] lines = LogLines.generate(42, 200_000);
        Runner.runPasses(args, "ErrorsByHourFixed", () -> count(lines)[13]);
    }
}
