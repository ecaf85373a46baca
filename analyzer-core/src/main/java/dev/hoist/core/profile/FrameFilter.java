package dev.hoist.core.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which samples to keep by the frames on their stacks, as async-profiler's {@code -I}/{@code -X}
 * (and its converter's {@code --include}/{@code --exclude}) choose them: a sample is kept when some
 * frame matches an include pattern (or none is given) and no frame matches an exclude pattern. A
 * pattern is a glob over the whole frame name, {@code pkg.Class.method}: {@code *} is any run of
 * characters, and a dot also matches the slash async-profiler writes between package names, so
 * {@code 'java/util/*'} and {@code 'java.util.*'} mean the same.
 */
public record FrameFilter(Pattern include, Pattern exclude) {

    /** Keeps every sample. */
    public static final FrameFilter ALL = new FrameFilter(null, null);

    /** The filter of these globs (either list may be empty); several globs of one list are alternatives. */
    public static FrameFilter ofGlobs(List<String> include, List<String> exclude) {
        return new FrameFilter(anyOf(include), anyOf(exclude));
    }

    /** Whether the filter keeps every sample. */
    public boolean keepsAll() {
        return include == null && exclude == null;
    }

    /** Whether a sample on this stack of the profile is kept. */
    public boolean keeps(Profile profile, int stack) {
        boolean included = include == null;
        for (int f : profile.stackFrames(stack)) {
            String name = profile.frame(f).method().displayName();
            if (exclude != null && exclude.matcher(name).matches()) {
                return false;
            }
            if (!included && include.matcher(name).matches()) {
                included = true;
            }
        }
        return included;
    }

    /** The regular expression of one glob: {@code *} any run of characters, {@code .} or {@code /} a package separator. */
    public static String regex(String glob) {
        StringBuilder r = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '.' || c == '/') {
                if (literal.length() > 0) {
                    r.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                r.append(c == '*' ? ".*" : "[./]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            r.append(Pattern.quote(literal.toString()));
        }
        return r.toString();
    }

    private static Pattern anyOf(List<String> globs) {
        if (globs == null || globs.isEmpty()) {
            return null;
        }
        return Pattern.compile(String.join("|", globs.stream().map(g -> "(?:" + regex(g) + ")").toList()));
    }
}
