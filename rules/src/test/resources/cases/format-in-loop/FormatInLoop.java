package cases.format_in_loop;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.Formatter;
import java.util.Locale;

/**
 * Format calls per iteration: the format string is parsed again, primitives boxed into the varargs
 * array, a Formatter made. The argument array itself is not reported by tuple-allocation-in-loop:
 * this rule's advice covers it.
 */
public class FormatInLoop {
    static final String ROW = "%-10s %8.2f%n";

    static int lengths(String[] keys, int[] counts) {
        int total = 0;
        for (int i = 0; i < keys.length; i++) {
            String line = String.format("%s=%d;", keys[i], counts[i]); // expect: format-in-loop "parses the format string"
            total += line.length();
        }
        return total;
    }

    static int localised(String[] keys) {
        int total = 0;
        for (String k : keys) {
            total += String.format(Locale.ROOT, "[%s]", k).length(); // expect: format-in-loop "[%s]"
        }
        return total;
    }

    static int formatted(String[] keys) {
        int total = 0;
        for (String k : keys) {
            total += "<%s>".formatted(k).length(); // expect: format-in-loop
        }
        return total;
    }

    static void print(PrintStream out, String[] names, double[] prices) {
        for (int i = 0; i < names.length; i++) {
            out.printf(ROW, names[i], prices[i]); // expect: format-in-loop
        }
    }

    static void toFormatter(Formatter f, String[] names) {
        for (String n : names) {
            f.format("%s,", n); // expect: format-in-loop
        }
    }

    static int message(String[] names) {
        int total = 0;
        for (String n : names) {
            total += MessageFormat.format("Hello {0}", n).length(); // expect: format-in-loop "new MessageFormat"
        }
        return total;
    }
}
