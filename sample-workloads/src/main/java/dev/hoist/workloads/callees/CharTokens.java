package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.DecimalFormat;

/**
 * A tokenizer and a price list whose time goes into the JDK in two ways a rule cannot see: the
 * tokenizer reads its text one {@code read()} at a time through a {@link StringReader} (as
 * org.json's JSONTokener does: each call takes the reader's lock), and the price list formats
 * every amount with a {@link DecimalFormat} (which builds its text in a StringBuffer: a lock the
 * program cannot remove, so it is formatting work, not locking). The calls that lead there are
 * what a user can change.
 */
public final class CharTokens {
    private CharTokens() {
    }

    /** Counts the words of {@code text}, reading it char by char. */
    static int words(Reader in) throws IOException {
        int words = 0;
        boolean inWord = false;
        for (int c = in.read(); c >= 0; c = in.read()) {
            boolean letter = c > ' ';
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    static int prices(DecimalFormat format, double[] amounts) {
        int n = 0;
        for (double a : amounts) {
            n += format.format(a).length();
        }
        return n;
    }

    public static void main(String[] args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4000; i++) b.append("word").append(i % 97).append(i % 7 == 0 ? '\n' : ' ');
        String text = b.toString();
        double[] amounts = new double[2000];
        for (int i = 0; i < amounts.length; i++) amounts[i] = i * 13.37 + 0.5;
        DecimalFormat format = new DecimalFormat("#,##0.00");
        Runner.runPasses(args, "CharTokens", () -> {
            long sum = 0;
            for (int round = 0; round < 4; round++) {
                try {
                    sum += words(new StringReader(text));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                sum += prices(format, amounts);
            }
            return sum;
        });
    }
}
