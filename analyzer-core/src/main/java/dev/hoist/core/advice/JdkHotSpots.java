package dev.hoist.core.advice;

import dev.hoist.core.classes.JdkClasses;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.Profile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Time spent inside the JDK's own code, named by the call in the program that leads there: the JDK
 * cannot be edited, so what a user can change is that call (make it less often, or use a cheaper
 * API). A sample counts when its innermost Java frame is the JDK's; it is charged to the first
 * frame outside the JDK above it (the program's call, with its line) and to what the JDK was doing
 * (decimal parsing, decimal formatting, regular expressions...), recognised from the JDK frames in
 * between. A call that is the site of a piece of advice (its bytecode index), and a format, regex,
 * exception or reflection call that a loop rule advises at that line, are left to the advice.
 */
final class JdkHotSpots {
    /** Share of the time samples one call into the JDK must hold to be called out when Hoist knows what the JDK does there. */
    static final double SHARE = 0.1;
    /** The same for JDK work Hoist has no specific advice for: only a dominant call is worth a generic line. */
    static final double SHARE_UNNAMED = 0.2;

    private JdkHotSpots() {
    }

    /** What the JDK was doing, recognised by a frame's class and method, and what a user can do about it. */
    private enum Work {
        DECIMAL_PARSING(/* advisedByRules= */ false, "parsing decimal text", "parse each value once and keep the number; for bulk input a specialised "
                + "parser such as FastDoubleParser (ch.randelshofer:fastdoubleparser) is several times faster, and Jackson "
                + "2.14+ uses it with StreamReadFeature.USE_FAST_DOUBLE_PARSER",
                "jdk.internal.math.FloatingDecimal.readJavaFormatString", "jdk.internal.math.FloatingDecimal.parseDouble",
                "jdk.internal.math.FloatingDecimal.parseFloat", "java.lang.Double.parseDouble", "java.lang.Float.parseFloat"),
        DECIMAL_FORMATTING(/* advisedByRules= */ false, "formatting floating-point numbers as text", "JDK 19 and later format doubles several times "
                + "faster (JDK-4511638): on an older JDK, upgrading removes most of this cost; otherwise write fewer of them "
                + "(cache repeated values) or with a fixed precision; Jackson 2.14+ offers StreamWriteFeature.USE_FAST_DOUBLE_WRITER",
                "jdk.internal.math.FloatingDecimal.getBinaryToASCIIConverter", "jdk.internal.math.FloatingDecimal.toJavaFormatString",
                "jdk.internal.math.FloatingDecimal.appendTo", "jdk.internal.math.DoubleToDecimal.", "jdk.internal.math.FloatToDecimal.",
                "java.lang.Double.toString", "java.lang.Float.toString"),
        FORMATTER(/* advisedByRules= */ true, "java.util.Formatter (String.format and friends)", "the format string is parsed on every call: build "
                + "the text with StringBuilder appends, or format once and reuse the result", "java.util.Formatter."),
        REGEX(/* advisedByRules= */ true, "matching regular expressions", "the patterns are compiled already: the time is the matching itself. Test a "
                + "cheap condition first (a first character, a length, a prefix) so that most inputs skip the regex, use "
                + "String.indexOf or startsWith for fixed text (an alternation of single characters is a loop over the chars), "
                + "or write a small scanner for a simple pattern", "java.util.regex."),
        REGEX_COMPILE(/* advisedByRules= */ true, "compiling regular expressions", "compile each pattern once (a static final Pattern) and reuse it; "
                + "String.split, replaceAll and matches compile theirs on every call"),
        STACK_TRACES(/* advisedByRules= */ true, "filling in exception stack traces", "exceptions are created on the hot path: test before the "
                + "call instead of catching, or reuse a preallocated exception without a stack trace",
                "java.lang.Throwable.fillInStackTrace"),
        REFLECTION(/* advisedByRules= */ true, "reflection", "look the Method or Field up once and keep it, or use a MethodHandle held in a "
                + "static final field", "java.lang.reflect.", "jdk.internal.reflect."),
        BIG_NUMBERS(/* advisedByRules= */ false, "BigDecimal/BigInteger arithmetic", "use long or double arithmetic where the range and "
                + "rounding allow it (a long count of cents instead of a BigDecimal amount)", "java.math."),
        COMPRESSION(/* advisedByRules= */ false, "compression", "check the level (Deflater.BEST_SPEED is several times faster than the default) "
                + "and that data reaches it in large blocks", "java.util.zip."),
        LOCKING(/* advisedByRules= */ false, "taking a lock on every call (StringBuffer and a StringWriter over it, Hashtable, Vector, "
                + "ByteArrayOutputStream, synchronized wrappers, ReentrantLock)", "since JDK 15 there is no biased locking, so even "
                + "a lock no other thread wants costs atomic instructions on every call. Where one thread owns the object, use "
                + "the unsynchronized class (StringBuilder for StringBuffer; a StringBuilder as the Appendable, or a Writer over "
                + "one, for StringWriter; HashMap and ArrayList for Hashtable and Vector), or take the lock once around the loop; "
                + "the lock is part of this time, the work done under it stays", "java.lang.StringBuffer.", "java.io.StringWriter.",
                "java.util.Hashtable.", "java.util.Vector.", "java.util.Collections$Synchronized", "java.io.ByteArrayOutputStream.",
                "java.util.concurrent.locks.ReentrantLock", "java.util.concurrent.locks.AbstractQueuedSynchronizer."),
        SPINNING(/* advisedByRules= */ false, "spinning: a thread yielding or busy-waiting in a loop until another one is done (Thread.yield, "
                + "Thread.onSpinWait)", "a spinning thread burns a core the threads it waits for could use, and on a busy "
                + "machine it competes with them. Block instead until there is work (BlockingQueue.take, a CountDownLatch, "
                + "Future.get, CompletableFuture.join), or do the work in the calling thread when it is short",
                "java.lang.Thread.yield", "java.lang.Thread.onSpinWait"),
        READING_CHARS(/* advisedByRules= */ false, "reading a java.io Reader one call at a time (each read() takes the reader's "
                + "lock and checks that it is open)", "read a block at a time into a char[] with read(char[], int, int) and index "
                + "that; when the text is a String already, index the String itself (charAt) rather than reading it through a "
                + "StringReader", "java.io.StringReader.read", "java.io.BufferedReader.read", "java.io.PushbackReader.read",
                "java.io.InputStreamReader.read", "java.io.LineNumberReader.read", "java.io.CharArrayReader.read"),
        TEXT_FORMAT(/* advisedByRules= */ false, "java.text formatting (DecimalFormat, NumberFormat, SimpleDateFormat, "
                + "MessageFormat)", "these general formatters walk their pattern and build the text in a StringBuffer on "
                + "every call: format fewer values (keep the text of values that repeat), format whole numbers with "
                + "Long.toString and dates with one shared java.time DateTimeFormatter, or, where the output allows it, a "
                + "simpler format", "java.text."),
        CONSTRUCTION(/* advisedByRules= */ false, "building JDK objects (their memory is zeroed as they are made)", "build fewer of them: reuse "
                + "one (reset it between uses), or size it to what it will hold"),
        OTHER(/* advisedByRules= */ false, null, "call it less often (cache or hoist its result) or use a cheaper API");

        final String what;
        final String fix;
        // List.of is unmodifiable; Error Prone only counts Guava's immutable collections as immutable
        @SuppressWarnings("ImmutableEnumChecker")
        final List<String> prefixes;
        final boolean advisedByRules;

        /**
         * @param advisedByRules a loop rule has its own advice for this work (a format, a regex, an exception,
         *                       reflection), so a call its advice names at the same line is left to that advice
         */
        Work(boolean advisedByRules, String what, String fix, String... prefixes) {
            this.advisedByRules = advisedByRules;
            this.what = what;
            this.fix = fix;
            this.prefixes = List.of(prefixes);
        }

        /** The first kind whose methods include {@code qualifiedMethod} ("pkg.Class.method"), or OTHER. */
        static Work of(String qualifiedMethod) {
            for (Work w : values()) {
                if (w != OTHER && w.matches(qualifiedMethod)) return w;
            }
            return OTHER;
        }

        boolean matches(String qualifiedMethod) {
            for (String p : prefixes) {
                if (qualifiedMethod.startsWith(p)) return true;
            }
            return false;
        }
    }

    /**
     * One call into the JDK: the program's line that made it (one expression such as
     * {@code PATTERN.matcher(s).find()} is one change, however many JDK methods it enters), or its
     * bytecode index where the class has no line numbers ({@code bci} is -1 when there is a line).
     */
    private record Call(String callerClass, String caller, int line, int bci) {
    }

    /** A call's samples, in all, per kind of work, and per JDK method entered. */
    private static final class Tally {
        long total;
        final Map<Work, Long> byWork = new EnumMap<>(Work.class);
        final Map<String, Long> entries = new LinkedHashMap<>();

        /** The JDK methods entered, most samples first: "java.util.regex.Matcher.find and java.util.regex.Pattern.matcher". */
        String entry() {
            List<Map.Entry<String, Long>> e = new ArrayList<>(entries.entrySet());
            e.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            StringBuilder out = new StringBuilder();
            for (int k = 0; k < Math.min(3, e.size()); k++) out.append(k == 0 ? "" : " and ").append(e.get(k).getKey());
            return out.toString();
        }
    }

    /** A sample's call into the JDK, the JDK method it entered there, and what the JDK was doing in it. */
    private record Sample(Call call, String entry, int bci, Work work) {
    }

    /**
     * @param built classes whose construction another notice already calls out: time in the JDK
     *              under their constructors is that notice's business
     */
    static List<String> of(Profile profile, EventKind kind, List<Advice> advice, Set<String> built) {
        if (kind == null) return List.of();
        // the time weight per stack first, so each stack is walked once, not once per event on it
        long[] weights = new long[profile.stackCount()];
        long total = 0;
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) != kind) continue;
            weights[profile.stack(i)] += profile.weight(i);
            total += profile.weight(i);
        }
        if (total == 0) return List.of();
        // the calls advice is about: its site's bytecode indexes in its method (and its line, for a site measured at the loop)
        Set<String> advisedCalls = new HashSet<>();
        Set<String> advisedLines = new HashSet<>();
        for (Advice a : advice) {
            String m = a.finding().className() + "." + a.finding().method();
            for (int bci : a.finding().siteBcis()) advisedCalls.add(m + "@" + bci);
            advisedLines.add(m + ":" + a.finding().line());
        }
        // per call: its samples, then its samples per kind of work; a call that is the site of a piece of advice (a
        // substring copied per iteration) is that advice's, also when the JDK call beside it on its line is not
        Map<Call, Tally> byCall = new LinkedHashMap<>();
        for (int st = 0; st < weights.length; st++) {
            long w = weights[st];
            if (w == 0) continue;
            Sample s = sample(profile, profile.stackFrames(st));
            if (s == null || (s.bci() >= 0 && advisedCalls.contains(s.call().caller() + "@" + s.bci()))) continue;
            Tally v = byCall.computeIfAbsent(s.call(), k -> new Tally());
            v.total += w;
            v.byWork.merge(s.work(), w, Long::sum);
            v.entries.merge(s.entry(), w, Long::sum);
        }
        List<Map.Entry<Call, Tally>> sorted = new ArrayList<>(byCall.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue().total, a.getValue().total));
        List<String> out = new ArrayList<>();
        Set<Work> named = EnumSet.noneOf(Work.class);
        for (Map.Entry<Call, Tally> e : sorted) {
            double share = (double) e.getValue().total / total;
            if (share < SHARE || out.size() >= 3) break;
            Call c = e.getKey();
            Work work = Work.OTHER;
            Tally v = e.getValue();
            for (Work w : Work.values()) {
                // the named work when it is most of the call's samples, else no name
                if (w != Work.OTHER && v.byWork.getOrDefault(w, 0L) * 2 > v.total) work = w;
            }
            // a loop rule's own topic (a format, a regex, an exception, reflection) advised at this line says it already
            if (work.advisedByRules && advisedLines.contains(c.caller() + ":" + c.line())) continue;
            if (built.contains(c.callerClass())) continue;
            if (work == Work.OTHER && v.entry().endsWith(".<init>")) work = Work.CONSTRUCTION;
            if (work == Work.OTHER && share < SHARE_UNNAMED) continue;
            String where = c.caller() + (c.line() > 0 ? " line " + c.line() : "");
            named.add(work);
            long[] all = work.what == null ? null : across(byCall, work, advisedLines);
            String more = all != null && all[1] > 1 && (double) all[0] / total >= share + 0.01
                    ? " (" + pct((double) all[0] / total) + " with the " + (all[1] - 1) + " other calls of the program into it)" : "";
            out.add(pct(share) + " of the " + kind.id() + " samples are in the JDK's own code"
                    + (work.what == null ? "" : ", " + work.what) + ", under " + v.entry() + " called from " + where + more
                    + ". The JDK cannot be changed here, the call can: " + work.fix);
        }
        out.addAll(spread(byCall, total, kind, named, advisedLines));
        return out;
    }

    /**
     * JDK work Hoist can name that no single call holds {@link #SHARE} of, but all the calls together
     * do (a StringWriter written from twenty places of a serializer): one line per kind of work, with
     * the calls that hold most of it.
     */
    private static List<String> spread(Map<Call, Tally> byCall, long total, EventKind kind, Set<Work> named, Set<String> advisedLines) {
        List<String> out = new ArrayList<>();
        for (Work w : Work.values()) {
            if (w == Work.OTHER || w == Work.CONSTRUCTION || named.contains(w)) continue;
            long[] all = across(byCall, w, advisedLines);
            if ((double) all[0] / total < SHARE || all[1] < 2) continue;
            List<Map.Entry<Call, Long>> calls = new ArrayList<>();
            byCall.forEach((c, t) -> {
                long n = t.byWork.getOrDefault(w, 0L);
                if (n > 0) calls.add(Map.entry(c, n));
            });
            calls.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            StringBuilder top = new StringBuilder();
            for (int k = 0; k < Math.min(3, calls.size()); k++) {
                Call c = calls.get(k).getKey();
                top.append(k == 0 ? "" : "; ").append(byCall.get(c).entry()).append(" from ").append(c.caller())
                        .append(c.line() > 0 ? " line " + c.line() : "").append(" (").append(pct((double) calls.get(k).getValue() / total)).append(')');
            }
            out.add(pct((double) all[0] / total) + " of the " + kind.id() + " samples are in the JDK's own code, " + w.what + ", over "
                    + all[1] + " calls of the program; the largest: " + top + ". The JDK cannot be changed here, the calls can: " + w.fix);
        }
        return out;
    }

    /** All calls' samples of one kind of work, and how many calls: calls a rule advises at their line are left to it. */
    private static long[] across(Map<Call, Tally> byCall, Work w, Set<String> advisedLines) {
        long[] out = new long[2];
        byCall.forEach((c, t) -> {
            long n = t.byWork.getOrDefault(w, 0L);
            if (n == 0 || (w.advisedByRules && advisedLines.contains(c.caller() + ":" + c.line()))) return;
            out[0] += n;
            out[1]++;
        });
        return out;
    }

    /** The call into the JDK a sample's stack (leaf first) is in, or null when the sample is in the program's own code. */
    private static Sample sample(Profile profile, int[] frames) {
        int leaf = -1;
        for (int j = 0; j < frames.length; j++) {
            if (profile.frame(frames[j]).type().isJava()) {
                leaf = j;
                break;
            }
        }
        if (leaf < 0 || !JdkClasses.isJdk(profile.frame(frames[leaf]).method().className())) return null;
        Work work = Work.OTHER;
        String entry = null;
        String entryQualified = null;
        for (int j = leaf; j < frames.length; j++) {
            Frame f = profile.frame(frames[j]);
            if (!f.type().isJava()) continue;
            String cls = f.method().className();
            if (!JdkClasses.isJdk(cls)) {
                return entry == null ? null
                        : new Sample(new Call(cls, cls + "." + f.method().name(), f.line(), f.line() > 0 ? -1 : f.bci()), entry, f.bci(),
                                asked(work, entryQualified));
            }
            String qualified = cls + "." + f.method().name();
            if (work == Work.OTHER) work = Work.of(qualified);
            if (work == Work.REGEX && (qualified.equals("java.util.regex.Pattern.compile") || qualified.equals("java.util.regex.Pattern.<init>"))) {
                work = Work.REGEX_COMPILE; // the regex frames below are the compiler's, not a matcher's
            }
            entry = f.method().displayName();
            entryQualified = qualified;
        }
        return null; // a JDK thread (reference handler, a pool's worker idling): no call of the program's to name
    }

    /**
     * The work a call is charged with: what the program asked the JDK for (its entry: a StringWriter
     * it writes, a DecimalFormat it formats with) rather than what the JDK did inside, except where
     * the inside is a costlier kind of work than a lock (a double formatted into a StringBuffer). A
     * lock the JDK takes inside another API (DecimalFormat's own StringBuffer) is not the program's
     * to remove: that is the API's work, or unnamed.
     */
    private static Work asked(Work inside, String entry) {
        Work called = Work.of(entry);
        if (inside == Work.REGEX_COMPILE && called == Work.REGEX) return inside; // Pattern.compile called directly
        if (called == Work.OTHER) return inside == Work.LOCKING ? Work.OTHER : inside;
        if (called == Work.LOCKING && inside != Work.OTHER) return inside;
        return called;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
