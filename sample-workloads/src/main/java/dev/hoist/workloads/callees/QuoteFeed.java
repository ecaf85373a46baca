package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;

/**
 * A price feed whose time goes into the JDK: each line's price is parsed with
 * {@code Double.parseDouble} and each total written with {@code StringBuilder.append(double)}. The
 * program's own loop is trivial; the hot code is the JDK's decimal conversion, reached from
 * {@link #price} and {@link #total}. Nothing in the loop is a pattern a rule can fix, but the
 * calls that lead into the JDK are what a user can change.
 */
public final class QuoteFeed {
    private QuoteFeed() {
    }

    static double price(String line) {
        int a = line.indexOf(',');
        int b = line.indexOf(',', a + 1);
        return Double.parseDouble(line.substring(a + 1, b));
    }

    static void total(StringBuilder out, double price, int quantity) {
        out.append(price * quantity).append('\n');
    }

    public static void main(String[] args) {
        String[] lines = new String[512];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "SYM" + i + "," + (i * 37.123456789 + 0.1) / 7 + "," + (i % 90 + 1);
        }
        Runner.runPasses(args, "QuoteFeed", () -> {
            long sum = 0;
            StringBuilder out = new StringBuilder(1 << 16);
            for (int round = 0; round < 40; round++) {
                out.setLength(0);
                for (String line : lines) {
                    total(out, price(line), line.length());
                }
                sum += out.length();
            }
            return sum;
        });
    }
}
