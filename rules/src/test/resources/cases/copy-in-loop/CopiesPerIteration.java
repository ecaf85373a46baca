package cases.copy_in_loop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * A fresh copy made on every iteration only to be read and dropped, where an index, an offset
 * or a region comparison on the original would do.
 */
public class CopiesPerIteration {

    static int countGets(String[] lines) {
        int n = 0;
        for (String line : lines) {
            if (line.substring(0, 3).equals("GET")) { // expect: copy-in-loop
                n++;
            }
        }
        return n;
    }

    static int countE(String[] words) {
        int n = 0;
        for (String w : words) {
            char[] cs = w.toCharArray(); // expect: copy-in-loop
            for (int j = 0; j < cs.length; j++) {
                if (cs[j] == 'e') {
                    n++;
                }
            }
        }
        return n;
    }

    static long encodedLength(String[] texts, Charset charset) {
        long n = 0;
        for (String t : texts) {
            n += t.getBytes(charset).length; // expect: copy-in-loop
        }
        return n;
    }

    static int countTag(byte[][] records, String tag, Charset charset) {
        int n = 0;
        for (byte[] r : records) {
            if (new String(r, 0, 4, charset).equals(tag)) { // expect: copy-in-loop
                n++;
            }
        }
        return n;
    }

    static long sumHeaders(byte[] data, int recordSize) {
        long sum = 0;
        for (int off = 0; off + recordSize <= data.length; off += recordSize) {
            byte[] rec = Arrays.copyOfRange(data, off, off + recordSize); // expect: copy-in-loop
            sum += rec[0] + rec[1];
        }
        return sum;
    }

    static int countMagic(byte[][] records, byte[] magic) {
        int n = 0;
        for (byte[] rec : records) {
            if (Arrays.equals(Arrays.copyOf(rec, magic.length), magic)) { // expect: copy-in-loop
                n++;
            }
        }
        return n;
    }

    static long progress(ByteArrayOutputStream bos, byte[][] chunks) {
        long total = 0;
        for (byte[] c : chunks) {
            bos.write(c, 0, c.length);
            total += bos.toByteArray().length; // expect: copy-in-loop
        }
        return total;
    }

    /** The copy goes to a private method that only reads it: still a copy per iteration. */
    static int countHeaders(String input) {
        int n = 0;
        int start = 0;
        int end;
        while ((end = input.indexOf('\n', start)) != -1) {
            n += isHeader(input.substring(start, end)); // expect: copy-in-loop
            start = end + 1;
        }
        return n;
    }

    private static int isHeader(String line) {
        return line.startsWith("#") ? 1 : 0;
    }
}
