package cases.string_concat_in_loop;

import java.util.List;

/**
 * Not reported: a fresh string per iteration that is not carried into the next one, a
 * StringBuilder created once outside the loop, and concatenation after the loop.
 */
public class ConcatThatIsFine {

    static void labels(String prefix, String[] names, List<String> out) {
        for (String name : names) {
            out.add(prefix + name);
        }
    }

    static String joinAll(String[] parts, StringBuilder sb) {
        for (String part : parts) {
            sb.append(part).append(',');
        }
        return sb.toString();
    }

    static String summary(String[] parts) {
        int total = 0;
        for (String p : parts) {
            total += p.length();
        }
        return "parts=" + parts.length + " chars=" + total;
    }

    static String joined(List<String> parts) {
        return String.join(",", parts);
    }
}
