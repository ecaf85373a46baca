package cases.copy_in_loop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Arrays;

/** Suppression with a locally declared CLASS-retention {@code SuppressHoist}. */
public class SuppressedCopies {

    @Retention(RetentionPolicy.CLASS)
    @interface SuppressHoist {
        String[] value();
    }

    @SuppressHoist("copy-in-loop")
    static long sumHeaders(byte[] data, int recordSize) {
        long sum = 0;
        for (int off = 0; off + recordSize <= data.length; off += recordSize) {
            byte[] rec = Arrays.copyOfRange(data, off, off + recordSize);
            sum += rec[0] + rec[1];
        }
        return sum;
    }

    // Suppressing another rule leaves this one active.
    @SuppressHoist("invariant-call-in-loop")
    static int countGets(String[] lines) {
        int n = 0;
        for (String line : lines) {
            if (line.substring(0, 3).equals("GET")) { // expect: copy-in-loop
                n++;
            }
        }
        return n;
    }
}
