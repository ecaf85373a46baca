package dev.hoist.core.sampling;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.Attach;
import dev.hoist.core.jvm.JvmInfo;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Samples with async-profiler loaded into the target through {@code VirtualMachine.loadAgentPath}.
 * The agent writes JFR straight to the output file, and once per second a {@code dump} command
 * closes the current JFR chunk, so if the target dies mid-run every completed chunk is on disk
 * and {@link JfrChunks} cuts off the unfinished one. The agent's messages go to a log file we
 * pass with {@code log=}, because loadAgentPath returns only an exit code.
 */
public final class AsyncProfilerSampler implements Sampler {

    private final AgentLibrary.Extracted library;

    /** Uses the library extracted from the async-profiler jar into the per-user cache. */
    public AsyncProfilerSampler() {
        this(AgentLibrary.extract());
    }

    AsyncProfilerSampler(AgentLibrary.Extracted library) {
        this.library = library;
    }

    @Override
    public String name() {
        return "async-profiler " + library.version();
    }

    public Path libraryPath() {
        return library.path();
    }

    @Override
    public SamplingSession start(JvmInfo target, SamplingRequest request) {
        Path out = request.output();
        try {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            // the recording holds the target's JVM arguments: created owner-only before the target writes
            // it, when the target runs as this user (another user's JVM could not write a file of ours)
            if (target.user() != null && target.user().equals(System.getProperty("user.name"))) {
                dev.hoist.core.PrivateFiles.create(out);
            }
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot write the recording " + out + ": " + e.getMessage(), e);
        }
        // another user's JVM (root profiling a service) cannot load a library from root's home nor write
        // root's files: it gets a shared copy of the library and writes into a folder handed to its user
        Exchange exchange = null;
        Path lib = library.path();
        if (Exchange.otherUser(target.pid())) {
            try {
                exchange = Exchange.create(target.pid(), "hoist-ap-");
            } catch (IOException e) {
                throw new AgentUnavailableException(e.getMessage());
            }
            try {
                lib = AgentLibrary.sharedCopy(library);
            } catch (RuntimeException e) {
                exchange.delete();
                throw e;
            }
        }
        Path live = exchange != null ? exchange.file("recording.jfr") : out;
        VirtualMachine vm = null;
        List<String> notes = new ArrayList<>();
        try {
            vm = Attach.attach(target.pid());
            makeRoom(vm, target.pid(), request.takeOver(), notes, lib, exchange);
            String reply = command(vm, lib, target.pid(), "start," + options(request) + timeout(request) + ",jfr,file=" + live, exchange);
            if (!reply.contains("Profiling started")) {
                notes.add("async-profiler said: " + reply.strip());
            }
            warnings(reply, notes);
            Session session = new Session(target, request, vm, notes, lib, exchange, live);
            session.begin();
            return session;
        } catch (RuntimeException e) {
            Attach.detachQuietly(vm);
            if (exchange != null) exchange.delete();
            throw e;
        }
    }

    /**
     * The event async-profiler samples cpu time with: "cpu" lets it pick perf_events and fall back to
     * a timer; the overhead benchmark sets "ctimer" or "itimer" to compare the engines.
     */
    static volatile String cpuEvent = "cpu";

    /** The agent options for the request's events and intervals. */
    /** What the profiler is given on top of the sampling time before it stops by itself. */
    static final java.time.Duration SELF_STOP_MARGIN = java.time.Duration.ofSeconds(10);

    /**
     * The profiler stops by itself a little after the sampling time, so a Hoist killed with
     * {@code kill -9} does not leave it sampling the target for ever; open-ended sessions (the
     * window, a day or more) have no such limit.
     */
    static String timeout(SamplingRequest r) {
        if (r.duration().compareTo(java.time.Duration.ofDays(1)) >= 0) return "";
        return ",timeout=" + r.duration().plus(SELF_STOP_MARGIN).toSeconds();
    }

    /**
     * The agent options for the request's events and intervals, e.g. {@code event=cpu,interval=10000000,alloc=524288};
     * also what {@code hoist run} puts after {@code -agentpath:...=start,}.
     */
    public static String options(SamplingRequest r) {
        List<String> o = new ArrayList<>();
        if (r.has(SamplingEvent.CPU)) {
            o.add("event=" + cpuEvent);
            o.add("interval=" + r.cpuInterval().toNanos());
            if (r.has(SamplingEvent.WALL)) {
                o.add("wall=" + r.wallInterval().toNanos());
            }
        } else if (r.has(SamplingEvent.WALL)) {
            o.add("event=wall");
            o.add("interval=" + r.wallInterval().toNanos());
        }
        if (r.has(SamplingEvent.ALLOC)) {
            o.add("alloc=" + r.allocBytes());
        }
        if (r.has(SamplingEvent.LOCK)) {
            o.add("lock=" + r.lockThreshold().toNanos());
        }
        return String.join(",", o);
    }

    /**
     * Refuses, or with takeOver stops, an async-profiler that already runs in the target: ours
     * left by a crashed Hoist, or another tool's (a separate copy of the library, which would
     * fight ours for the profiling signal).
     */
    private void makeRoom(VirtualMachine vm, long pid, boolean takeOver, List<String> notes, Path ourLib, Exchange exchange) {
        Set<Path> loaded = loadedCopies(pid);
        Path ours = real(ourLib);
        for (Path lib : loaded) {
            boolean mine = lib.equals(ours);
            String who = mine ? "a Hoist session that is still running or crashed"
                    : "another tool, from " + lib;
            if (!Files.isRegularFile(lib)) {
                throw new HoistException(Failure.SAMPLER_FAILED, "an async-profiler whose library was deleted ("
                        + lib + ") is loaded in JVM " + pid + ", so Hoist cannot tell whether it runs; "
                        + "stop it with the tool that started it, or use --sampler jfr");
            }
            String status = command(vm, lib, pid, "status", exchange);
            if (!status.contains("is running")) {
                continue;
            }
            if (!takeOver) {
                throw new HoistException(Failure.SAMPLER_FAILED, "async-profiler is already running in JVM " + pid
                        + " (started by " + who + "); stop it with `asprof stop " + pid + "`, rerun with "
                        + "--take-over to stop it, or use --sampler jfr");
            }
            command(vm, lib, pid, "stop", exchange);
            notes.add("stopped an async-profiler that was already running in the target (started by " + who + ")");
        }
    }

    /** Paths of async-profiler libraries mapped into the target, from /proc/pid/maps. */
    static Set<Path> loadedCopies(long pid) {
        Set<Path> libs = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
                int at = line.indexOf('/');
                if (at >= 0 && line.contains("libasyncProfiler")) {
                    String p = line.substring(at).replace(" (deleted)", "");
                    libs.add(real(Path.of(p)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (macOS): the agent's own "already started" error is the fallback check
        }
        return libs;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Runs one agent command and returns what the agent printed. Output goes to a fresh file
     * (status text via file=, messages via log=) because the Attach API returns only a code.
     */
    static String command(VirtualMachine vm, Path lib, long pid, String args, Exchange exchange) {
        Path log = null;
        Path text = null;
        try {
            // the target writes these: in the folder handed to its user when it is another user's
            log = exchange != null ? exchange.newFile("ap-", ".log") : Files.createTempFile("hoist-ap-", ".log");
            boolean wantsText = args.equals("status");
            if (wantsText) {
                text = exchange != null ? exchange.newFile("ap-", ".txt") : Files.createTempFile("hoist-ap-", ".txt");
            }
            String full = args + ",log=" + log + (wantsText ? ",file=" + text : "");
            try {
                vm.loadAgentPath(lib.toString(), full);
            } catch (AgentLoadException e) {
                throw new AgentUnavailableException("async-profiler could not be loaded into JVM " + pid + ": "
                        + e.getMessage(), e);
            } catch (AgentInitializationException e) {
                String said = read(log).strip();
                throw new HoistException(Failure.SAMPLER_FAILED, "async-profiler refused `" + args.split(",", -1)[0]
                        + "` in JVM " + pid + ": " + (said.isEmpty() ? "error code " + e.returnValue()
                        : said.lines().collect(Collectors.joining(" "))), e);
            } catch (IOException e) {
                if (PollingSession.exitsWithin(pid, Duration.ofSeconds(2))) {
                    throw new HoistException(Failure.TARGET_EXITED, "JVM " + pid + " exited while async-profiler's `"
                            + args.split(",", -1)[0] + "` was running in it", e);
                }
                throw new HoistException(Failure.SAMPLER_FAILED, "lost the connection to JVM " + pid + " while "
                        + "sending `" + args.split(",", -1)[0] + "`: " + e.getMessage(), e);
            }
            return read(log) + (text != null ? read(text) : "");
        } catch (IOException e) {
            throw new HoistException(Failure.SAMPLER_FAILED, "cannot create a temporary file for async-profiler's "
                    + "messages: " + e.getMessage(), e);
        } finally {
            deleteQuietly(log);
            deleteQuietly(text);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }

    private static void warnings(String reply, List<String> notes) {
        reply.lines().filter(l -> l.startsWith("[WARN]")).map(String::strip).forEach(notes::add);
    }

    /** The cpu engine async-profiler recorded in the JFR settings: perf_events, ctimer or itimer. */
    static String engine(Path jfr, SamplingRequest request) {
        if (!request.has(SamplingEvent.CPU) && !request.has(SamplingEvent.WALL)) {
            return "none";
        }
        try (RecordingFile rf = new RecordingFile(jfr)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals("jdk.ActiveSetting") && "engine".equals(e.getString("name"))) {
                    return e.getString("value");
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    private final class Session extends PollingSession {
        private final VirtualMachine vm;
        private final Path lib;
        private final Exchange exchange;
        private final Path live;
        private boolean released;

        Session(JvmInfo target, SamplingRequest request, VirtualMachine vm, List<String> notes, Path lib, Exchange exchange,
                Path live) {
            super(target, request, notes);
            this.vm = vm;
            this.lib = lib;
            this.exchange = exchange;
            this.live = live;
        }

        @Override
        public Path liveFile() {
            return live;
        }

        @Override
        protected void checkpoint() {
            // dump closes the current chunk in place and starts the next: a crash loses at most one period
            String reply = command(vm, lib, target().pid(), "dump,jfr,file=" + live, exchange);
            warnings(reply, notes);
        }

        @Override
        protected SamplingResult stopInTarget(Duration ranFor) {
            String reply = command(vm, lib, target().pid(), "stop,jfr,file=" + live, exchange);
            warnings(reply, notes);
            if (!Files.isRegularFile(live)) {
                throw new HoistException(Failure.SAMPLER_FAILED, "async-profiler stopped but wrote no recording to "
                        + live + "; it said: " + reply.strip());
            }
            Path out = keep();
            return new SamplingResult(name(), engine(out, request()), request().events(), out, ranFor, false, notes);
        }

        @Override
        protected SamplingResult afterExit(Duration ranFor) {
            int chunks;
            try {
                chunks = JfrChunks.keepComplete(live);
            } catch (IOException e) {
                notes.add("could not trim the recording after the target exited: " + e.getMessage());
                chunks = 0;
            }
            Path kept = chunks > 0 ? keep() : null;
            String engine = kept == null ? "unknown" : engine(kept, request());
            return new SamplingResult(name(), engine, request().events(), kept, ranFor, true, notes);
        }

        /** The recording where it was asked for, owner-only, also when the target wrote it (another user's JVM). */
        private Path keep() {
            Path out = request().output();
            if (!live.equals(out)) {
                try {
                    Files.copy(live, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw new HoistException(Failure.SAMPLER_FAILED, "cannot copy the recording from " + live + " to " + out
                            + ": " + e.getMessage(), e);
                }
            }
            dev.hoist.core.PrivateFiles.restrict(out);
            return out;
        }

        @Override
        protected void release() {
            if (!released) {
                released = true;
                Attach.detachQuietly(vm);
                if (exchange != null) exchange.delete();
            }
        }

        @Override
        protected String samplerName() {
            return name();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT) + " at " + library.path();
    }
}
