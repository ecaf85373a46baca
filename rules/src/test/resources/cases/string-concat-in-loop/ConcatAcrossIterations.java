package cases.string_concat_in_loop;

/**
 * A string carried across iterations and extended each time: every step copies everything built
 * so far, so the loop is quadratic in the output length. Covers javac's invokedynamic
 * makeConcatWithConstants (JDK 9+) and the explicit StringBuilder chain older javac emitted.
 */
public class ConcatAcrossIterations {

    static String joinAll(String[] parts) {
        String result = "";
        for (String part : parts) {
            result += part; // expect: string-concat-in-loop
        }
        return result;
    }

    static String csv(String[] names) {
        String line = "";
        for (int i = 0; i < names.length; i++) {
            line = line + "," + names[i]; // expect: string-concat-in-loop
        }
        return line;
    }

    static String numbers(int[] values) {
        String out = "[";
        int i = 0;
        while (i < values.length) {
            out += values[i] + ";"; // expect: string-concat-in-loop
            i++;
        }
        return out;
    }

    // Prepending is just as quadratic.
    static String reversedPath(String[] segments) {
        String path = "";
        for (String seg : segments) {
            path = "/" + seg + path; // expect: string-concat-in-loop
        }
        return path;
    }

    // The shape javac 8 produced for s += x: a new builder, copy s in, append, copy out.
    static String legacy(String[] parts) {
        String acc = "";
        for (String p : parts) {
            acc = new StringBuilder().append(acc).append(p).toString(); // expect: string-concat-in-loop
        }
        return acc;
    }
}
