package cases.format_in_loop;

import java.text.MessageFormat;

/**
 * Not reported: a format call outside any loop, appends to a StringBuilder, a MessageFormat built
 * once and applied per iteration, and a format string that is different on every iteration.
 */
public class FormatThatIsFine {

    static int once(String[] keys) {
        String header = String.format("%d keys", keys.length);
        int total = header.length();
        for (int i = 0; i < keys.length; i++) {
            total += keys[i].length();
        }
        return total;
    }

    static int appended(String[] keys, int[] counts) {
        StringBuilder sb = new StringBuilder(64);
        int total = 0;
        for (int i = 0; i < keys.length; i++) {
            sb.setLength(0);
            sb.append(keys[i]).append('=').append(counts[i]).append(';');
            total += sb.length();
        }
        return total;
    }

    static int prebuilt(String[] names) {
        MessageFormat mf = new MessageFormat("Hello {0}");
        int total = 0;
        Object[] args = new Object[1];
        for (String n : names) {
            args[0] = n;
            total += mf.format(args).length();
        }
        return total;
    }

    static int perRowFormat(String[] formats, String[] names) {
        int total = 0;
        for (int i = 0; i < names.length; i++) {
            total += String.format(formats[i], names[i]).length();
        }
        return total;
    }
}
