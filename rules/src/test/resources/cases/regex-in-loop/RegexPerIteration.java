package cases.regex_in_loop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A regex compiled per call inside a loop: String's regex methods, Pattern.compile and Pattern.matches. */
public class RegexPerIteration {
    static final String WORDS = "\\s+";

    static List<String> normalise(String[] lines) {
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            out.add(line.replaceAll("\\s+", " ")); // expect: regex-in-loop "private static final Pattern"
        }
        return out;
    }

    static int firstOnly(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += line.replaceFirst("^#+", "").length(); // expect: regex-in-loop
        }
        return n;
    }

    static int numeric(String[] cells) {
        int n = 0;
        for (String c : cells) {
            if (c.matches("[0-9]+")) { // expect: regex-in-loop
                n++;
            }
        }
        return n;
    }

    static int fields(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += line.split(WORDS).length; // expect: regex-in-loop
            n += line.split(", ", 3).length; // expect: regex-in-loop
        }
        return n;
    }

    static int compiled(String[] lines) {
        int n = 0;
        for (String line : lines) {
            if (Pattern.compile("err(or)?", Pattern.CASE_INSENSITIVE).matcher(line).find()) { // expect: regex-in-loop
                n++;
            }
            if (Pattern.matches("[a-z]+", line)) { // expect: regex-in-loop
                n++;
            }
        }
        return n;
    }

    /** The regex comes from the caller, but it is the same on every iteration: hoist Pattern.compile(regex). */
    static int userRegex(String[] lines, String regex) {
        int n = 0;
        for (String line : lines) {
            if (line.matches(regex)) { // expect: regex-in-loop "above the loop"
                n++;
            }
        }
        return n;
    }
}
