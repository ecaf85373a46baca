package dev.hoist.core.sampling;

import dev.hoist.core.jvm.TargetArguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Takes secrets out of a finished recording. A recording repeats the target's JVM arguments
 * ({@code jdk.JVMInformation}), its command and its system properties ({@code
 * jdk.InitialSystemProperty}), so {@code -Ddb.password=...} would travel with every recording
 * shared. By default the values of properties and program options whose names look secret
 * (password, passphrase, secret, token, credential, API/access/private key) are overwritten with
 * {@code *}; with {@link #all} every JVM argument, every {@code -D} value and the program's
 * arguments are.
 *
 * <p>The file is changed in place and keeps its length: each value is overwritten with as many
 * bytes as it had, in each string encoding JFR uses (UTF-8, Latin-1, and arrays of varint
 * characters, where a character of n bytes becomes an n-byte varint of {@code *}), so every size
 * and offset in the recording stays true and both readers read it as before. A value is only
 * overwritten where the recording holds it as a whole string (its encoding and length in front)
 * or right after its name ({@code db.password=}), never as loose bytes.
 */
public final class Redaction {
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "password|passwd|passphrase|pwd|secret|token|credential|apikey|accesskey|privatekey");
    private static final java.util.regex.Pattern OPTION = java.util.regex.Pattern.compile(
            "(?:^|\\s)(-{1,2}[\\w.-]+)(=|\\s+)(\\S+)");
    private static final byte UTF8 = 3;
    private static final byte CHARS = 4;
    private static final byte LATIN1 = 5;
    private static final int WINDOW = 8 << 20;

    /** A value to overwrite, found where {@code before} precedes it (a name, or a string's header). */
    private static final class Target {
        final byte[] before;
        final byte[] value;
        final byte[] replacement;

        Target(byte[] before, byte[] value, byte[] replacement) {
            this.before = before;
            this.value = value;
            this.replacement = replacement;
        }
    }

    private final List<Target> targets;
    private final int secrets;
    private final boolean all;

    private Redaction(List<Target> targets, int secrets, boolean all) {
        this.targets = targets;
        this.secrets = secrets;
        this.all = all;
    }

    /** Whether this takes all of the target's arguments out, not only secret-looking values. */
    public boolean all() {
        return all;
    }

    /** Whether a property or option name looks like it holds a secret ({@code db.password}, {@code --api-key}). */
    public static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
        return SECRET_NAME.matcher(n).find();
    }

    /** The values of secret-looking properties and options of {@code target}. */
    public static Redaction secrets(TargetArguments target) {
        return of(target, false);
    }

    /** Everything the target was started with: JVM arguments, {@code -D} values and the program's arguments. */
    public static Redaction all(TargetArguments target) {
        return of(target, true);
    }

    private static Redaction of(TargetArguments target, boolean all) {
        Map<String, String> named = new LinkedHashMap<>(); // "name=" or "--name " -> value
        List<String> whole = new ArrayList<>();
        for (String key : target.properties().stringPropertyNames()) {
            String value = target.properties().getProperty(key);
            boolean fromCommandLine = target.jvmArguments().contains("-D" + key + "=");
            if (!value.isEmpty() && (looksSecret(key) || (all && fromCommandLine))) {
                named.put(key + "=", value);
                whole.add(value);
            }
        }
        for (String args : List.of(target.jvmArguments(), target.command())) {
            Matcher m = OPTION.matcher(args);
            while (m.find()) {
                String name = m.group(1).replaceFirst("^-D", "");
                if (looksSecret(name) || (all && m.group(1).startsWith("-D"))) {
                    named.put((m.group(1).startsWith("-D") ? name : m.group(1)) + m.group(2), m.group(3));
                }
            }
        }
        if (all) {
            whole.add(target.jvmArguments());
            String command = target.command().strip();
            int space = command.indexOf(' ');
            if (space > 0) {
                named.put(command.substring(0, space + 1), command.substring(space + 1));
            }
        }
        // whole strings first: once a value inside one is starred, the whole string no longer matches
        List<Target> targets = new ArrayList<>();
        whole.stream().filter(v -> !v.isEmpty()).distinct().forEach(v -> addWhole(targets, v));
        List<Map.Entry<String, String>> byName = new ArrayList<>(named.entrySet());
        java.util.Collections.reverse(byName); // the program's arguments as a whole before the options in them
        byName.forEach(e -> addNamed(targets, e.getKey(), e.getValue()));
        return new Redaction(targets, named.size() + whole.size(), all);
    }

    /** Whether there is nothing to redact. */
    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /**
     * Overwrites the values in {@code recording}, in place; returns how many places were changed.
     * The file is not followed through a symbolic link.
     */
    public int apply(Path recording) throws IOException {
        if (targets.isEmpty()) {
            return 0;
        }
        int longest = targets.stream().mapToInt(t -> t.before.length + t.value.length).max().orElse(0);
        int changed = 0;
        try (FileChannel ch = FileChannel.open(recording, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(WINDOW + longest);
            for (long start = 0; start < size; start += WINDOW) {
                buf.clear();
                int n = 0;
                while (n < buf.capacity() && start + n < size) {
                    int r = ch.read(buf, start + n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                byte[] window = buf.array();
                boolean dirty = false;
                for (Target t : targets) {
                    for (int at = indexOf(window, n, t, 0); at >= 0; at = indexOf(window, n, t, at + 1)) {
                        if (at >= WINDOW) {
                            break; // starts in the overlap: the next window sees it whole
                        }
                        System.arraycopy(t.replacement, 0, window, at + t.before.length, t.replacement.length);
                        dirty = true;
                        changed++;
                    }
                }
                if (dirty) {
                    ch.write(ByteBuffer.wrap(window, 0, n), start);
                }
            }
        }
        return changed;
    }

    /** How many values this redaction looks for. */
    public int size() {
        return secrets;
    }

    private static int indexOf(byte[] a, int n, Target t, int from) {
        int len = t.before.length + t.value.length;
        outer:
        for (int i = from; i + len <= n; i++) {
            for (int j = 0; j < t.before.length; j++) {
                if (a[i + j] != t.before[j]) {
                    continue outer;
                }
            }
            for (int j = 0; j < t.value.length; j++) {
                if (a[i + t.before.length + j] != t.value[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void addNamed(List<Target> out, String before, String value) {
        byte[] name = before.getBytes(StandardCharsets.UTF_8);
        for (byte[][] form : forms(value)) {
            out.add(new Target(name, form[0], form[1]));
        }
    }

    private static void addWhole(List<Target> out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.add(new Target(header(UTF8, utf8.length), utf8, stars(utf8.length)));
        if (value.chars().allMatch(c -> c < 256)) {
            byte[] latin1 = value.getBytes(StandardCharsets.ISO_8859_1);
            out.add(new Target(header(LATIN1, latin1.length), latin1, stars(latin1.length)));
        }
        out.add(new Target(header(CHARS, value.length()), chars(value), charStars(value)));
    }

    /** The value's bytes and their replacement in UTF-8, Latin-1 and varint characters, without repeats. */
    private static List<byte[][]> forms(String value) {
        List<byte[][]> forms = new ArrayList<>();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        forms.add(new byte[][] {utf8, stars(utf8.length)});
        if (value.chars().allMatch(c -> c < 256) && value.chars().anyMatch(c -> c >= 128)) {
            byte[] latin1 = value.getBytes(StandardCharsets.ISO_8859_1);
            forms.add(new byte[][] {latin1, stars(latin1.length)});
        }
        if (value.chars().anyMatch(c -> c >= 128)) {
            forms.add(new byte[][] {chars(value), charStars(value)});
        }
        return forms;
    }

    private static byte[] header(byte encoding, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(encoding);
        varint(out, length);
        return out.toByteArray();
    }

    private static byte[] chars(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        value.chars().forEach(c -> varint(out, c));
        return out.toByteArray();
    }

    /** Each character's varint replaced by one of the same length that reads as {@code *}. */
    private static byte[] charStars(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        value.chars().forEach(c -> {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            varint(one, c);
            int n = one.size();
            if (n == 1) {
                out.write('*');
            } else {
                out.write('*' | 0x80);
                for (int i = 1; i < n - 1; i++) {
                    out.write(0x80);
                }
                out.write(0);
            }
        });
        return out.toByteArray();
    }

    private static byte[] stars(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) '*');
        return b;
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
