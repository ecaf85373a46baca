package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.util.regex.Pattern;

/**
 * Filters log lines with two regular expressions compiled once, as static final patterns: the time
 * in the JDK is the matching, not the compiling, so "compile it once" is not the advice here.
 */
public final class LogGrep {
    private static final Pattern LEVEL = Pattern.compile("\\b(ERROR|WARN|FATAL)\\b");
    private static final Pattern STAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");

    private LogGrep() {
    }

    static boolean serious(String line) {
        return LEVEL.matcher(line).find();
    }

    static boolean stamped(String line) {
        return STAMP.matcher(line).matches();
    }

    public static void main(String[] args) {
        String[] levels = {"INFO", "DEBUG", "WARN", "INFO", "ERROR", "TRACE"};
        String[] lines = new String[2000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (i % 7 == 0 ? "continued: " : "2024-03-" + (10 + i % 20) + "T12:" + (10 + i % 50) + ":33 ")
                    + levels[i % levels.length] + " worker-" + (i % 16) + " handled request " + i + " in " + (i % 900) + " ms";
        }
        Runner.runPasses(args, "LogGrep", () -> {
            long n = 0;
            for (String line : lines) {
                if (stamped(line) && serious(line)) n++;
            }
            return n;
        });
    }
}
