package dev.hoist.workloads.pairs.copy;

import java.util.SplittableRandom;

/**
 * Deterministic application log lines in a fixed layout, shared by the log parser twins:
 * {@code 2026-11-25T13:04:59.123 ERROR [worker-3] message}; the hour is at 11..13, the level,
 * padded to five characters, at 24..29.
 */
public final class LogLines {

    public static final int HOUR_START = 11;
    public static final int LEVEL_START = 24;

    private LogLines() {
    }

    /** {@code count} lines over one day, about one in twenty an error. */
    public static String[] generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] levels = {"INFO ", "INFO ", "INFO ", "DEBUG", "WARN ", "INFO ", "DEBUG", "INFO ",
            "INFO ", "WARN ", "INFO ", "DEBUG", "INFO ", "INFO ", "INFO ", "DEBUG", "INFO ", "WARN ",
            "INFO ", "ERROR"};
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            int second = (int) (i * 86_400L / count);
            lines[i] = String.format("2026-11-25T%02d:%02d:%02d.%03d %s [worker-%d] request %d handled in %d ms",
                    second / 3600, second / 60 % 60, second % 60, random.nextInt(1000),
                    levels[random.nextInt(levels.length)], random.nextInt(8), i, random.nextInt(500));
        }
        return lines;
    }
}
