package cases.tuple;

/** String.format's argument array: the advice is about the format call, not "pass the components separately". */
public class FormatInLoop {
    static int lengths(String[] keys, int[] counts) {
        int total = 0;
        for (int i = 0; i < keys.length; i++) {
            String line = String.format("%s=%d;", keys[i], counts[i]); // expect: tuple-allocation-in-loop "parses the format string"
            total += line.length();
        }
        return total;
    }

    static int once(String[] keys) {
        String header = String.format("%d keys", keys.length);
        int total = header.length();
        for (int i = 0; i < keys.length; i++) {
            total += keys[i].length();
        }
        return total;
    }
}
