package dev.hoist.workloads.pairs.regex;

import dev.hoist.workloads.Runner;

/**
 * Normalises the whitespace of every cell in an exported CSV and counts the numeric cells, before
 * an import. Anti-pattern: {@code replaceAll}, {@code split} on a two-character separator and
 * {@code matches} compile their regex again for every line and cell. Twin: {@link CsvCleanerFixed}.
 */
public final class CsvCleaner {

    private CsvCleaner() {
    }

    /** Total length of the cleaned cells plus 1,000,000 per numeric cell, a checksum for the twins. */
    @SuppressWarnings("StringSplitter") public static long clean(String[] lines) { // the twins split alike
        long sum = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("\\s+", " ");
            String[] cells = line.split("; ");
            for (String cell : cells) {
                if (cell.matches("-?[0-9]+")) {
                    sum += 1_000_000;
                }
                sum += cell.length();
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        String[] lines = CsvLines.generate(42, 100_000);
        Runner.runPasses(args, "CsvCleaner", () -> clean(lines));
    }
}
