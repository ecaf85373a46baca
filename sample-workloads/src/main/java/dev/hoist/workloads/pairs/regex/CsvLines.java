package dev.hoist.workloads.pairs.regex;

import java.util.SplittableRandom;

/**
 * Deterministic lines of a semicolon-separated export with ragged whitespace, shared by the CSV
 * cleaner twins: {@code "  alice  smith; 42;\tberlin ; -7"}.
 */
public final class CsvLines {

    private CsvLines() {
    }

    public static String[] generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = {"alice", "bob", "berlin", "paris", "open", "closed", "n/a", "x1"};
        String[] gaps = {" ", "  ", "\t", " \t "};
        String[] lines = new String[count];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.setLength(0);
            int cells = 2 + random.nextInt(5);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    b.append(';').append(gaps[random.nextInt(gaps.length)]);
                }
                if (random.nextInt(3) == 0) {
                    b.append(random.nextInt(2001) - 1000);
                } else {
                    b.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)])
                            .append(words[random.nextInt(words.length)]);
                }
            }
            lines[i] = b.toString();
        }
        return lines;
    }
}
