package cases.regex_in_loop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not reported: split's fastpath (one non-meta character, or a backslash and a non-alphanumeric
 * character), String.replace (not a regex), a Pattern compiled once, a regex used outside any loop,
 * and a regex that is different on every iteration.
 */
public class RegexThatIsFine {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static int fastpath(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += line.split(",").length;
            n += line.split("\\|").length;
            n += line.split("\\.", 2).length;
        }
        return n;
    }

    static int literalReplace(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += line.replace("\t", "    ").length();
        }
        return n;
    }

    static int precompiled(String[] lines) {
        int n = 0;
        for (String line : lines) {
            n += SPACES.matcher(line).replaceAll(" ").length();
            n += SPACES.split(line).length;
        }
        return n;
    }

    static int hoisted(String[] lines, String regex) {
        Pattern p = Pattern.compile(regex);
        int n = 0;
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                n++;
            }
        }
        return n;
    }

    static String cold(String line) {
        return line.replaceAll("\\s+", " ");
    }

    static int perRow(String[] lines, String[] regexes) {
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches(regexes[i])) {
                n++;
            }
        }
        return n;
    }
}
