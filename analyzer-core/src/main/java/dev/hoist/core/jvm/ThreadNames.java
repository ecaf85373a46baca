package dev.hoist.core.jvm;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java name of each thread of a {@code Thread.print} dump, by its native id ({@code nid=}, hex
 * on JDK 17 and before, decimal after), so that /proc's threads, whose own names are cut at 15
 * characters, are shown by their whole names.
 */
final class ThreadNames {
    private static final Pattern HEAD = Pattern.compile("^\"(.*)\" .*\\bnid=(0x[0-9a-fA-F]+|\\d+)\\b", Pattern.MULTILINE);

    private ThreadNames() {
    }

    static Map<Long, String> of(String dump) {
        Map<Long, String> names = new HashMap<>();
        Matcher m = HEAD.matcher(dump);
        while (m.find()) {
            String nid = m.group(2);
            try {
                long id = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
                names.put(id, m.group(1));
            } catch (NumberFormatException e) {
                // not a thread header after all
            }
        }
        return names;
    }
}
