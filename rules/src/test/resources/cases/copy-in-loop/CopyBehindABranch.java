package cases.copy_in_loop;

/**
 * A copy made only on some iterations (guava's CaseFormat.convert copies the first word in an
 * {@code if (i == 0)} branch): the message must not say "every iteration", and the score is lower.
 */
public class CopyBehindABranch {

    static int firstWordLength(String s, int[] cuts) {
        int n = 0;
        for (int i = 0; i < cuts.length - 1; i++) {
            if (i == 0) {
                n += s.substring(cuts[i], cuts[i + 1]).trim().length(); // expect: copy-in-loop@low "on some iterations"
            }
            n += s.substring(cuts[i], cuts[i + 1]).trim().length(); // expect: copy-in-loop@medium "on every iteration"
        }
        return n;
    }
}
