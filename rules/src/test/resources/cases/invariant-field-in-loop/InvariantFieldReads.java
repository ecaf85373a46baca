package cases.invariant_field_in_loop;

/**
 * Field loads repeated on every iteration although nothing in the loop, nor anything it calls,
 * can change them: an instance field of {@code this}, a field of a local that the loop never
 * reassigns, and a non-final static.
 */
public class InvariantFieldReads {

    static int threshold = 10;

    private final long[] samples = new long[64];
    private int count;
    private double[] weights;
    private int maxSpend;

    static final class Settings {
        int scale;
    }

    long sum() {
        long total = 0;
        for (int i = 0; i < count; i++) { // expect: invariant-field-in-loop
            total += samples[i]; // expect: invariant-field-in-loop
        }
        return total;
    }

    double weighted(double[] xs) {
        double acc = 0;
        for (int i = 0; i < xs.length; i++) {
            acc += weights[i] * xs[i]; // expect: invariant-field-in-loop
        }
        return acc;
    }

    // do-while: javac puts the condition, and its field read, at the bottom of the loop.
    int affordable(int[] costs) {
        int i = 0;
        int spent = 0;
        do {
            spent += costs[i++];
        } while (spent < maxSpend && i < costs.length); // expect: invariant-field-in-loop
        return i;
    }

    static int countAboveThreshold(int[] xs) {
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] > threshold) { // expect: invariant-field-in-loop
                n++;
            }
        }
        return n;
    }

    static long scaledTotal(int[] xs, Settings settings) {
        long total = 0;
        int i = 0;
        while (i < xs.length) {
            total += (long) xs[i] * settings.scale; // expect: invariant-field-in-loop
            i++;
        }
        return total;
    }
}
