package dev.hoist.core.compare;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The advice of two recordings side by side, so a user who applied a fix sees what it did at its
 * site: each piece of advice of the 'before' run, found again in the 'after' run by rule, class and
 * method (the nearest line, since an edit moves lines), with what fixing it could save in each run
 * and its loop's share; advice the 'after' run no longer gives is gone (fixed, or no longer hot), and
 * advice only the 'after' run gives is new. Shares are of each recording's own total.
 */
public final class AdviceDiff {
    private AdviceDiff() {
    }

    /** Whether the advice is in both runs, only before (gone) or only after (new). */
    public enum Status { REMAINS, GONE, NEW }

    /**
     * One piece of advice across the two runs. Shares are 0..1; on the side where the advice is
     * absent they are 0 and its line is -1.
     *
     * @param savingBefore what fixing the site could save in the 'before' run (its ranking share)
     * @param loopBefore   the share of the loop (or of the per-call body) around the site
     */
    public record Change(String rule, String className, String method, int lineBefore, int lineAfter,
                         double savingBefore, double savingAfter, double loopBefore, double loopAfter, Status status) {
        public double savingChange() {
            return savingAfter - savingBefore;
        }

        public double loopChange() {
            return loopAfter - loopBefore;
        }
    }

    /** The changes, the 'before' run's advice first (its ranking order), then the new advice, largest saving first. */
    public static List<Change> compare(AdviceReport before, AdviceReport after) {
        List<Advice> left = new ArrayList<>(after.advice());
        List<Change> out = new ArrayList<>();
        for (Advice b : before.advice()) {
            Advice match = null;
            for (Advice a : left) {
                if (sameAdvice(a, b) && (match == null || distance(a, b) < distance(match, b))) match = a;
            }
            if (match != null) left.remove(match);
            out.add(new Change(b.finding().rule(), b.finding().className(), b.finding().method(), b.finding().line(),
                    match == null ? -1 : match.finding().line(), b.rankingShare(), match == null ? 0 : match.rankingShare(),
                    b.cost().inclusiveShare(), match == null ? 0 : match.cost().inclusiveShare(),
                    match == null ? Status.GONE : Status.REMAINS));
        }
        left.sort(Comparator.comparingDouble(Advice::rankingShare).reversed());
        for (Advice a : left) {
            out.add(new Change(a.finding().rule(), a.finding().className(), a.finding().method(), -1, a.finding().line(),
                    0, a.rankingShare(), 0, a.cost().inclusiveShare(), Status.NEW));
        }
        return out;
    }

    private static boolean sameAdvice(Advice a, Advice b) {
        return a.finding().rule().equals(b.finding().rule()) && a.finding().className().equals(b.finding().className())
                && a.finding().method().equals(b.finding().method());
    }

    private static int distance(Advice a, Advice b) {
        return Math.abs(a.finding().line() - b.finding().line());
    }
}
