package dev.hoist.workloads.pairs.stringconcat;

import dev.hoist.workloads.Runner;
import java.util.SplittableRandom;

/**
 * Renders the SQL {@code IN (...)} list for a batch of order ids, as a data-access layer does
 * before fetching the batch. Anti-pattern: the list is a {@code String} extended with
 * {@code +=} on every id, so each step copies everything built so far. Twin: {@link InClauseFixed}.
 */
public final class InClause {

    private InClause() {
    }

    /** {@code "id IN (a,b,c)"} for the given ids, in order. */
    public static String render(long[] ids) {
        String list = "";
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                list += ",";
            }
            list += ids[i];
        }
        return "id IN (" + list + ")";
    }

    /** A deterministic batch of {@code count} eight-digit order ids. */
    public static long[] batch(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = (long) (10_000_000 + random.nextInt(90_000_000));
        }
        return ids;
    }

    public static void main(String[] args) {
        long[] ids = batch(42, 500);
        Runner.runPasses(args, "InClause", () -> render(ids).length());
    }
}
