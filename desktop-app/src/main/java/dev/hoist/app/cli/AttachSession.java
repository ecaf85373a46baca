package dev.hoist.app.cli;

import dev.hoist.core.SafeText;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.TargetVitals;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.OwnCode;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.session.LiveAdvice;
import dev.hoist.core.session.LiveProfiling;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The state of one {@code hoist attach} session, without any terminal: the live sampling
 * ({@link LiveProfiling}, shared with {@code hoist profile} and the window), the target's vital
 * signs ({@link TargetVitals}), the window of time shown (the last seconds, or since start or the
 * last reset), the event kind the hot methods are ranked by, and the advice re-ranked on that
 * window by the report's advisor through the use case the window shares ({@link LiveAdvice}: each
 * class analyzed once, at most one ranking at a time, the latest shown, failures and class-path
 * warnings said in the advice pane) on a thread of its own. The face calls
 * {@link #refresh()} about once a second and draws the {@link AttachView} it returns.
 */
final class AttachSession implements AutoCloseable {

    /** Which samples the hot methods and the advice are of. */
    enum Window { LAST, SINCE_START }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final JvmInfo target;
    private final LiveProfiling live;
    private final TargetVitals vitals;
    private final List<Rule> rules;
    private final String classPath;
    private final List<Path> sourceDirs;
    private final Duration lastWindow;
    private final int top;
    private final ExecutorService advising = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hoist-attach-advice");
        t.setDaemon(true);
        return t;
    });
    private final LiveAdvice advisor;
    /** What the sampler is doing besides sampling: "paused", "restarting with lock added", or empty. */
    private volatile String samplerState = "";

    private volatile Window window = Window.LAST;
    private volatile EventKind kind;
    /** Epoch nanoseconds the "since start" window starts at: sampling's start, or the last reset. */
    private volatile long origin = -1;
    private volatile Profile full;
    private volatile TargetVitals.Vitals lastVitals;
    private volatile AdviceReport advice;
    private volatile String adviceState = "ranking after the first samples…";
    private volatile boolean vitalsLost;
    private volatile boolean ownCode = true;
    private volatile boolean stopRequested;
    /** The starts of the "since" windows shown so far (resets): merged samples stay exact for each. */
    private final List<Long> marks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Sample time of the last merge of old samples; on the refreshing thread only. */
    private long compacted = -1;

    AttachSession(JvmInfo target, LiveProfiling live, TargetVitals vitals, List<Rule> rules, String classPath,
                  List<Path> sourceDirs, Duration lastWindow, int top) {
        this.target = target;
        this.live = live;
        this.vitals = vitals;
        this.rules = List.copyOf(rules);
        this.classPath = classPath;
        this.sourceDirs = List.copyOf(sourceDirs);
        this.lastWindow = lastWindow;
        this.top = top;
        this.advisor = new LiveAdvice(rules, advising, false);
        this.kind = sampled().get(0);
    }

    JvmInfo target() {
        return target;
    }

    LiveProfiling live() {
        return live;
    }

    Window window() {
        return window;
    }

    void toggleWindow() {
        window = window == Window.LAST ? Window.SINCE_START : Window.LAST;
        adviceState = "re-ranking for the new window…";
    }

    /** The "since start" window starts now; the last-seconds window is not changed by it. */
    void resetWindow() {
        origin = System.currentTimeMillis() * 1_000_000L;
        marks.add(origin);
        window = Window.SINCE_START;
        adviceState = "re-ranking since the reset…";
    }

    /** Ranks the hot methods by {@code k}; false when it is not being sampled. */
    boolean show(EventKind k) {
        if (!sampled().contains(k)) {
            return false;
        }
        kind = k;
        return true;
    }

    /**
     * Restarts the sampler with {@code k} added to the events sampled, keeping the samples so far,
     * and ranks by it; takes as long as a stop and a start of the sampler (the caller's work thread).
     *
     * @throws dev.hoist.core.HoistException when the sampler cannot start again (sampling is then paused)
     */
    void sampleAlso(EventKind k) {
        samplerState = "restarting the sampler with " + k.id() + " added";
        try {
            live.sampleAlso(java.util.EnumSet.of(SamplingEvent.valueOf(k.name())));
            kind = k;
        } finally {
            samplerState = live.paused() ? "paused" : "";
        }
    }

    /**
     * Pauses sampling in the target (the profiler is stopped, what it recorded kept) or resumes it into
     * the same recording; returns whether it is paused now. On the caller's work thread: a sampler's
     * stop or start takes a moment.
     */
    boolean togglePause() {
        if (live.paused()) {
            samplerState = "resuming";
            try {
                live.resume();
            } finally {
                samplerState = live.paused() ? "paused" : "";
            }
            return live.paused();
        }
        samplerState = "pausing";
        try {
            live.pause();
        } finally {
            samplerState = live.paused() ? "paused" : "";
        }
        return live.paused();
    }

    /** Switches the hot methods between the application's own code and every frame by its self samples. */
    boolean toggleOwnCode() {
        ownCode = !ownCode;
        return ownCode;
    }

    /** The process is being stopped (a signal): the face ends its loop and says where the recording is. */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The kinds being sampled, in the order of preference; they grow when an event is added. */
    List<EventKind> sampled() {
        List<EventKind> kinds = new ArrayList<>();
        for (SamplingEvent e : live.events()) {
            kinds.add(EventKind.ofId(e.id()));
        }
        kinds.sort(java.util.Comparator.comparingInt(EventKind.PREFERENCE::indexOf));
        return List.copyOf(kinds);
    }

    EventKind kind() {
        return kind;
    }

    /**
     * Reads what the sampler wrote since the last call and the target's vital signs, and returns
     * what to show; starts a re-ranking of the advice when none runs. Called by one thread at a time.
     */
    AttachView refresh() {
        try {
            live.poll().ifPresent(p -> full = p);
            compactOld();
        } catch (RuntimeException e) {
            adviceState = "could not read the recording so far: " + e.getMessage();
        }
        TargetVitals.Vitals v = null;
        if (vitals != null && !vitalsLost) {
            try {
                v = vitals.read();
            } catch (IOException | RuntimeException e) {
                vitalsLost = true; // the target is going away: the sampler's end says so
            }
        }
        lastVitals = v;
        Profile p = full;
        Profile shown = windowOf(p);
        if (shown != null && shown.size() > 0) {
            rankInBackground(shown);
        }
        return view(p, shown, v);
    }

    /**
     * Every {@link #COMPACT_EVERY_NANOS} of samples, merges those older than the last seconds shown
     * (with a margin) into one row per stack ({@link LiveProfiling#compact}): memory then grows with
     * the distinct stacks, not with the session's length.
     */
    private void compactOld() {
        Profile p = full;
        if (p == null) {
            return;
        }
        long last = lastSampleTime(p);
        if (last < 0) {
            return;
        }
        if (compacted < 0) {
            compacted = last;
        }
        if (last - compacted >= COMPACT_EVERY_NANOS) {
            long keep = Math.max(2 * lastWindow.toNanos(), COMPACT_EVERY_NANOS);
            long[] m = marks.stream().mapToLong(Long::longValue).toArray();
            full = live.compact(last - keep, m);
            compacted = last;
        }
    }

    static final long COMPACT_EVERY_NANOS = 30_000_000_000L;

    private Profile windowOf(Profile p) {
        if (p == null) {
            return null;
        }
        long start = p.info().startEpochNanos();
        if (origin < 0 && start > 0) {
            origin = start;
        }
        if (window == Window.SINCE_START) {
            return origin > 0 ? p.since(origin) : p;
        }
        long last = lastSampleTime(p);
        return last < 0 ? p : p.since(last - lastWindow.toNanos());
    }

    private static long lastSampleTime(Profile p) {
        long last = -1;
        for (int i = p.size() - 1, seen = 0; i >= 0 && seen < 10_000; i--, seen++) {
            last = Math.max(last, p.timeNanos(i));
        }
        return last;
    }

    private void rankInBackground(Profile shown) {
        EventKind k = kind;
        // class bytes are not fetched from the target while it is sampled: only from its class path
        Advisor.Options o = Advisor.Options.defaults().withSourceDirs(sourceDirs).withKind(k.weightIsSamples() ? k : null);
        advisor.rankIfIdle(shown, new LiveAdvice.Request(classPath, o, null), r -> {
            advice = r.report();
            adviceState = r.warnings().isEmpty() ? "" : "class path: " + String.join("; ", r.warnings());
        }, e -> adviceState = "ranking failed (tried again on the next refresh): " + e);
    }

    private AttachView view(Profile p, Profile shown, TargetVitals.Vitals v) {
        String sampler = "starting…";
        Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
        if (p != null && p.info().sampler() != null) {
            sampler = p.info().sampler().id() + (p.info().engine() == null ? "" : " (cpu engine: " + p.info().engine() + ")");
            counts.putAll(p.sampleCounts());
        }
        List<AttachView.HotRow> hot = new ArrayList<>();
        long allocRate = -1;
        AdviceReport a = advice;
        List<Advice> ranked = a == null ? List.of() : a.advice();
        if (shown != null && shown.size() > 0) {
            if (ownCode) {
                OwnCode code = OwnCode.of(shown, kind);
                long total = Math.max(1, code.grandTotal());
                for (OwnCode.Site c : code.sites()) {
                    if (hot.size() >= top) {
                        break;
                    }
                    hot.add(row(c.method(), c.line(), c.charged() / (double) total, c.total() / (double) total, ranked));
                }
            } else {
                MethodStats stats = MethodStats.of(shown, kind);
                long total = Math.max(1, stats.grandTotal());
                for (MethodStats.MethodStat m : stats.bySelf()) {
                    if (hot.size() >= top || m.self() == 0) {
                        break;
                    }
                    int line = 0;
                    long best = 0;
                    for (MethodStats.LineStat l : stats.lines(m.methodIndex())) {
                        if (l.self() > best && l.line() > 0) {
                            best = l.self();
                            line = l.line();
                        }
                    }
                    hot.add(row(m.method(), line, m.self() / (double) total, m.total() / (double) total, ranked));
                }
            }
            if (sampled().contains(EventKind.ALLOC)) {
                allocRate = allocRate(shown);
            }
        }
        String windowLabel = window == Window.LAST ? "last " + lastWindow.toSeconds() + " s"
                : "since " + LocalTime.ofInstant(Instant.ofEpochSecond(0, Math.max(0, origin)), ZoneId.systemDefault())
                        .truncatedTo(ChronoUnit.SECONDS);
        String java = target.javaVersion() + (target.vendor().equals("?") ? "" : " (" + target.vendor() + ")");
        return new AttachView("JVM " + target.pid() + " " + target.displayName(), java, sampler, live.elapsed(), v, allocRate,
                counts, kind, sampled(), windowLabel, ownCode, hot, ranked, adviceState, live.sampling().request().output(),
                samplerState);
    }

    /** A hot method's row: which advice is in it (or calls into it per iteration), and the advised loop around its line. */
    private static AttachView.HotRow row(MethodRef m, int line, double share, double total, List<Advice> ranked) {
        List<Integer> advised = new ArrayList<>();
        String loop = "";
        for (Advice ad : ranked) {
            Finding f = ad.finding();
            boolean here = f.className().equals(m.className()) && f.method().equals(m.name());
            boolean caller = ad.via() != null && ad.via().className().equals(m.className()) && ad.via().method().equals(m.name());
            if (here || caller) {
                advised.add(ad.rank());
            }
            int first = caller ? ad.via().firstLine() : here ? f.firstLoopLine() : 0;
            int last = caller ? ad.via().lastLine() : here ? f.lastLoopLine() : 0;
            if (loop.isEmpty() && first > 0 && (line == 0 || (line >= first && line <= last))) {
                loop = first == last ? "loop line " + first : "loop " + first + "-" + last;
            }
        }
        return new AttachView.HotRow(m, line, share, total, loop, advised);
    }

    /** Bytes per second that the allocation samples of {@code p} stand for, over the time they span. */
    private static long allocRate(Profile p) {
        long bytes = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < p.size(); i++) {
            long t = p.timeNanos(i);
            if (t > 0) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
            if (p.kind(i) == EventKind.ALLOC) {
                bytes += p.weight(i);
            }
        }
        double seconds = (last - first) / 1e9;
        return seconds < 0.5 ? -1 : Math.round(bytes / seconds);
    }

    /**
     * Writes what was sampled so far: the recording's complete chunks as a JFR, and the report of
     * them in html, json and sarif beside it, all owner-only. Returns the files written.
     */
    List<Path> record(int n) throws IOException {
        Path jfr = live.sampling().request().output();
        String base = jfr.getFileName().toString().replaceFirst("\\.jfr$", "");
        Path dir = jfr.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path snap = dir.resolve(base + "-record" + n + ".jfr");
        Profile p = live.saveSoFar(snap);
        if (p.size() == 0) {
            throw new IOException("nothing sampled yet: the sampler completes its first chunk within a second or two");
        }
        EventKind k = kind.weightIsSamples() ? kind : null;
        AdviceReport r = advisor.advise(p, new LiveAdvice.Request(classPath,
                Advisor.Options.defaults().withSourceDirs(sourceDirs).withKind(k), null)).report();
        List<Path> written = new ArrayList<>(List.of(snap));
        PrintWriter none = new PrintWriter(new StringWriter());
        for (ReportCommand.Format f : List.of(ReportCommand.Format.html, ReportCommand.Format.json, ReportCommand.Format.sarif)) {
            Path out = dir.resolve(base + "-record" + n + "." + f.name());
            ReportCommand.write(p, r, rules, f, k, 15, out, none);
            written.add(out);
        }
        return written;
    }

    /** Writes a thread dump of the target beside the recording (owner-only); returns the file and its text, cleaned. */
    Map.Entry<Path, String> threadDump() throws IOException {
        if (vitals == null) {
            throw new IOException("the target's diagnostic commands could not be reached, so no thread dump");
        }
        StringBuilder dump = new StringBuilder();
        for (String line : vitals.threadDump().split("\n", -1)) {
            // a tab is shown as spaces; everything else unsafe is escaped, line by line
            dump.append(SafeText.clean(line.replace("\t", "    "))).append('\n');
        }
        Path jfr = live.sampling().request().output().toAbsolutePath();
        Path file = jfr.resolveSibling("hoist-" + target.pid() + "-threads-"
                + java.time.LocalDateTime.now(ZoneId.systemDefault()).format(STAMP) + ".txt");
        dev.hoist.core.PrivateFiles.create(file);
        Files.writeString(file, dump);
        return Map.entry(file, dump.toString());
    }

    /** The last vital signs read, null when none could be. */
    TargetVitals.Vitals vitals() {
        return lastVitals;
    }

    @Override
    public void close() {
        // after a ranking under way, not waiting for it: the jars are closed on the advice thread
        advising.execute(advisor::close);
        advising.shutdown();
        if (vitals != null) {
            vitals.close();
        }
    }
}
