package dev.hoist.core.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hoist.core.profile.ProfileReader.bad;

/**
 * Reads collapsed stacks ({@code root;caller;leaf count} per line, async-profiler's {@code collapsed}
 * output). Type suffixes {@code _[j]} (JIT compiled), {@code _[i]} (inlined), {@code _[0]} (interpreted),
 * {@code _[1]} (C1 compiled), {@code _[k]} (kernel) set the frame type; a {@code :123} suffix sets
 * the line; a first frame in brackets ({@code [main tid=1]}) names the thread. Frames without a
 * suffix are UNKNOWN, or NATIVE when they have no {@code Class.method} shape. Blank lines and
 * lines starting with {@code #} are skipped. There is no time, bytecode index or descriptor in this format.
 */
final class CollapsedStacksReader {

    private CollapsedStacksReader() {
    }

    static Profile read(Path file) {
        ProfileBuilder b = new ProfileBuilder();
        int noThread = b.thread("[all threads]", -1);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                int space = s.lastIndexOf(' ');
                long count = space > 0 ? parseCount(s.substring(space + 1)) : -1;
                if (count < 0) {
                    throw bad(file, "line " + lineNo + ": expected 'frame;frame;... count', found '" + abbreviate(s) + "'"
                            + (lineNo == 1 ? " (neither a JFR recording nor collapsed stacks)" : ""));
                }
                String[] parts = s.substring(0, space).strip().split(";");
                int first = 0;
                int thread = noThread;
                if (parts.length > 0 && parts[0].startsWith("[") && parts[0].endsWith("]") && !parts[0].endsWith("_[k]")
                        && !parts[0].matches(".*_\\[[a-z0-9]\\]$")) {
                    thread = thread(b, parts[0]);
                    first = 1;
                }
                int n = parts.length - first;
                if (n <= 0 || hasEmpty(parts, first)) {
                    throw bad(file, "line " + lineNo + ": empty frame in '" + abbreviate(s) + "'");
                }
                int[] frames = new int[n];
                for (int i = 0; i < n; i++) {
                    // the file lists the root first; the model keeps the leaf first
                    frames[n - 1 - i] = frame(b, parts[first + i]);
                }
                if (count > 0) {
                    b.add(EventKind.SAMPLE, -1, thread, b.stack(frames), count, -1);
                }
            }
        } catch (CharacterCodingException e) {
            throw bad(file, "neither a JFR recording nor collapsed stacks text (not UTF-8 at line " + (lineNo + 1) + ")");
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
        if (b.size() == 0) {
            throw bad(file, "no samples (only blank or comment lines)");
        }
        return b.finish(new ProfileInfo(file, SamplerKind.COLLAPSED, null, -1, -1, List.of()));
    }

    private static boolean hasEmpty(String[] parts, int from) {
        for (int i = from; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static long parseCount(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int thread(ProfileBuilder b, String bracketed) {
        String inner = bracketed.substring(1, bracketed.length() - 1).strip();
        long tid = -1;
        int at = inner.lastIndexOf("tid=");
        if (at >= 0) {
            try {
                tid = Long.parseLong(inner.substring(at + 4).strip());
                inner = inner.substring(0, at).strip();
            } catch (NumberFormatException ignored) {
                // not a tid suffix: keep the whole text as the name
            }
        }
        return b.thread(inner.isEmpty() ? "tid=" + tid : inner, tid);
    }

    private static int frame(ProfileBuilder b, String text) {
        FrameType type = FrameType.UNKNOWN;
        String s = text;
        if (s.length() > 4 && s.charAt(s.length() - 1) == ']' && s.charAt(s.length() - 3) == '[' && s.charAt(s.length() - 4) == '_') {
            type = switch (s.charAt(s.length() - 2)) {
                case 'j' -> FrameType.JIT_COMPILED;
                case 'i' -> FrameType.INLINED;
                case '0' -> FrameType.INTERPRETED;
                case '1' -> FrameType.C1_COMPILED;
                case 'k' -> FrameType.KERNEL;
                default -> FrameType.UNKNOWN;
            };
            s = s.substring(0, s.length() - 4);
        }
        int line = -1;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            line = Integer.parseInt(s.substring(colon + 1));
            s = s.substring(0, colon);
        }
        String descriptor = "";
        int paren = s.indexOf('(');
        if (paren > 0) {
            descriptor = s.substring(paren);
            s = s.substring(0, paren);
        }
        String cls = "";
        String name = s;
        int dot = s.lastIndexOf('.');
        boolean javaShape = dot > 0 && dot < s.length() - 1 && !s.contains(" ") && !s.endsWith(".so");
        if (javaShape) {
            cls = s.substring(0, dot).replace('/', '.');
            name = s.substring(dot + 1);
        } else if (type == FrameType.UNKNOWN) {
            type = FrameType.NATIVE;
        }
        return b.frame(b.method(cls, name, descriptor), line, -1, type);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
