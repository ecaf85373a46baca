package dev.hoist.workloads.pairs.stringconcat;

import dev.hoist.workloads.Runner;

/**
 * Renders the SQL {@code IN (...)} list for a batch of order ids, as a data-access layer does
 * before fetching the batch. The fixed twin of {@link InClause}. Fix: the list is built
 * in one {@link StringBuilder}, sized for the batch, and turned into a string once.
 */
public final class InClauseFixed {

    private InClauseFixed() {
    }

    /** {@code "id IN (a,b,c)"} for the given ids, in order. */
    public static String render(long[] ids) {
        StringBuilder list = new StringBuilder(ids.length * 9);
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                list.append(',');
            }
            list.append(ids[i]);
        }
        return "id IN (" + list + ")";
    }

    public static void main(String[] args) {
        long[] ids = InClause.batch(42, 500);
        Runner.runPasses(args, "InClauseFixed", () -> render(ids).length());
    }
}
