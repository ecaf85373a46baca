package cases.copy_in_loop;

import java.util.Arrays;

/**
 * Not reported: amortised grow-by-doubling (a copy every log2(n) iterations, not every one),
 * System.arraycopy into a buffer reused across iterations, index and region comparisons that
 * copy nothing, and a copy made once before the loop.
 */
public class CopiesThatAreFine {

    static int[] positives(int[] xs) {
        int[] buf = new int[8];
        int size = 0;
        for (int x : xs) {
            if (x > 0) {
                if (size == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                buf[size++] = x;
            }
        }
        return Arrays.copyOf(buf, size);
    }

    static long windows(int[] data, int width) {
        int[] window = new int[width];
        long sum = 0;
        for (int off = 0; off + width <= data.length; off += width) {
            System.arraycopy(data, off, window, 0, width);
            sum += window[0] + window[width - 1];
        }
        return sum;
    }

    static int countGets(String[] lines) {
        int n = 0;
        for (String line : lines) {
            if (line.startsWith("GET")) {
                n++;
            }
        }
        return n;
    }

    static int countE(String[] words) {
        int n = 0;
        for (String w : words) {
            int len = w.length();
            for (int j = 0; j < len; j++) {
                if (w.charAt(j) == 'e') {
                    n++;
                }
            }
        }
        return n;
    }

    static int countMethod(String[] lines, String method) {
        int n = 0;
        for (String line : lines) {
            if (line.regionMatches(true, 0, method, 0, 3)) {
                n++;
            }
        }
        return n;
    }

    static int countPrefixed(String header, String[] names) {
        String prefix = header.substring(0, 3);
        int n = 0;
        for (String s : names) {
            if (s.startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** The line copy is the parsed node's content: handed to a private method that keeps it two calls down (commonmark's DocumentParser.parse). */
    private final java.util.List<Node> nodes = new java.util.ArrayList<>();

    record Node(String content, int start) {
    }

    void parse(String input) {
        int start = 0;
        int end;
        while ((end = input.indexOf('\n', start)) != -1) {
            String line = input.substring(start, end);
            parseLine(line, start);
            start = end + 1;
        }
    }

    private void parseLine(String line, int start) {
        if (!line.isEmpty()) addNode(line, start);
    }

    private void addNode(String content, int start) {
        nodes.add(new Node(content, start));
    }

    // A different string each iteration, copied for a method that takes the chars themselves
    // (commons-text's StringSubstitutor hands a variable's chars to a matcher): there is no
    // copy to hoist and nothing to read in place.
    static int vowelsOfAll(String[] names) {
        int n = 0;
        for (String name : names) {
            char[] cs = name.toCharArray();
            n += vowels(cs, 0, cs.length);
        }
        return n;
    }

    private static int vowels(char[] cs, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ("aeiou".indexOf(cs[i]) >= 0) n++;
        }
        return n;
    }
}
