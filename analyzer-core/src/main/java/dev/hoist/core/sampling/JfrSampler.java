package dev.hoist.core.sampling;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.Attach;
import dev.hoist.core.jvm.DiagnosticCommand;
import dev.hoist.core.jvm.JvmInfo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples with the JDK's own Flight Recorder in the target: the fallback where async-profiler
 * cannot load (Windows, unsupported libc or architecture, another user's JVM) and what
 * {@code --sampler jfr} picks. It drives the recording with diagnostic commands over the Attach
 * API, as {@code jcmd} does ({@link DiagnosticCommand}): {@code JFR.start} with a name of its own,
 * {@code JFR.dump} once per checkpoint, {@code JFR.stop}; nothing else is started in the target, so
 * no JMX agent or listener stays behind.
 *
 * <p>The target writes its dumps into an exchange folder ({@link Exchange}): a fresh private
 * temporary folder, handed to the target's user when that is another one (root profiling a
 * service), so the target can write there and nobody else can read it. Each dump holds the whole
 * recording so far; the chunks newer than the output's last one are appended to the output, which
 * so grows by complete chunks as async-profiler's does: a {@code LiveRecording} follows it, and a
 * target killed with SIGKILL leaves a readable recording of everything up to the last dump. The
 * recording's own destination is a file in the same folder with dump-on-exit, so an orderly exit of
 * the target (or {@code JFR.stop}) writes the rest; its new chunks are appended at the end and the
 * folder is deleted. The first checkpoint comes after the shared period, the next ones every two:
 * a dump is a chunk rotation in the target and a copy of the recording, and a killed target then
 * loses at most one period at the start and two later.
 */
public final class JfrSampler implements Sampler {

    @Override
    public String name() {
        return "jfr";
    }

    /** The JFR event settings for a request; the keys are event#setting as in a .jfc file. */
    static Map<String, String> settings(SamplingRequest r, int targetFeatureVersion) {
        Map<String, String> s = new HashMap<>();
        if (r.has(SamplingEvent.CPU) || r.has(SamplingEvent.WALL)) {
            // JFR samples threads running Java code; it has no wall-clock mode, so wall adds native-method samples
            Duration period = r.has(SamplingEvent.CPU) ? r.cpuInterval() : r.wallInterval();
            s.put("jdk.ExecutionSample#enabled", "true");
            s.put("jdk.ExecutionSample#period", period.toMillis() + " ms");
        }
        if (r.has(SamplingEvent.WALL)) {
            s.put("jdk.NativeMethodSample#enabled", "true");
            s.put("jdk.NativeMethodSample#period", r.wallInterval().toMillis() + " ms");
        }
        if (r.has(SamplingEvent.ALLOC)) {
            // JDK 16+: throttled sampling; older targets only know the TLAB events
            s.put("jdk.ObjectAllocationSample#enabled", "true");
            s.put("jdk.ObjectAllocationSample#throttle", "300/s");
            s.put("jdk.ObjectAllocationSample#stackTrace", "true");
            if (targetFeatureVersion < 16) {
                // before JDK 16 there is no throttled allocation sample: the TLAB events are the only ones
                for (String e : List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB")) {
                    s.put(e + "#enabled", "true");
                    s.put(e + "#stackTrace", "true");
                }
            }
        }
        if (r.has(SamplingEvent.LOCK)) {
            String threshold = Math.max(1, r.lockThreshold().toNanos() / 1000) + " us";
            for (String e : List.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark")) {
                s.put(e + "#enabled", "true");
                s.put(e + "#threshold", threshold);
                s.put(e + "#stackTrace", "true");
            }
        }
        return s;
    }

    /** The settings as a .jfc file, which {@code JFR.start settings=} reads on every JDK from 11 on. */
    static String jfc(Map<String, String> settings) {
        Map<String, Map<String, String>> byEvent = new TreeMap<>();
        settings.forEach((key, value) -> {
            int hash = key.indexOf('#');
            byEvent.computeIfAbsent(key.substring(0, hash), k -> new TreeMap<>()).put(key.substring(hash + 1), value);
        });
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration version=\"2.0\">\n");
        byEvent.forEach((event, values) -> {
            x.append("  <event name=\"").append(event).append("\">");
            values.forEach((k, v) -> x.append("<setting name=\"").append(k).append("\">").append(v).append("</setting>"));
            x.append("</event>\n");
        });
        return x.append("</configuration>\n").toString();
    }

    @Override
    public SamplingSession start(JvmInfo target, SamplingRequest request) {
        Path out = request.output();
        Exchange exchange;
        try {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot write the recording " + out + ": " + e.getMessage(), e);
        }
        try {
            exchange = Exchange.create(target.pid());
            exchange.write("hoist.jfc", jfc(settings(request, target.featureVersion().orElse(11))));
        } catch (IOException e) {
            throw new HoistException(Failure.SAMPLER_FAILED, "cannot make a folder where JVM " + target.pid()
                    + " can write its Flight Recorder dumps: " + e.getMessage(), e);
        }
        VirtualMachine vm = null;
        String name = "hoist-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        boolean started = false;
        try {
            vm = Attach.attach(target.pid());
            DiagnosticCommand.run(vm, "JFR.start name=" + name + " settings=" + quote(exchange.file("hoist.jfc"))
                    + " disk=true dumponexit=true filename=" + quote(exchange.file("exit.jfr")));
            started = true;
            List<String> notes = new ArrayList<>();
            if (request.has(SamplingEvent.WALL)) {
                notes.add("JFR has no wall-clock sampler: wall uses Java and native-method samples");
            }
            if (request.has(SamplingEvent.ALLOC)) {
                notes.add("JFR samples allocations by rate (300/s), not every " + request.allocBytes() + " bytes");
            }
            Session session = new Session(target, request, vm, name, exchange, notes);
            session.begin();
            return session;
        } catch (IOException | RuntimeException e) {
            if (vm != null && !started) {
                // a start that failed half-way can leave a recording in state "new" in the target
                try {
                    DiagnosticCommand.run(vm, "JFR.stop name=" + name);
                } catch (IOException | RuntimeException ignored) {
                    // nothing was created
                }
            }
            Attach.detachQuietly(vm);
            exchange.delete();
            if (e instanceof HoistException h) {
                throw h;
            }
            if (PollingSession.exitsWithin(target.pid(), Duration.ofSeconds(2))) {
                throw new HoistException(Failure.TARGET_EXITED, "JVM " + target.pid()
                        + " exited while Flight Recorder was starting in it; nothing was recorded", e);
            }
            String why = e instanceof DiagnosticCommand.Refused ? "JVM " + target.pid() + " refused: " + e.getMessage()
                    : e.getMessage() + "; is it a JDK with JFR (8u262+, 11+)?";
            throw new HoistException(Failure.SAMPLER_FAILED, "could not start Flight Recorder in JVM " + target.pid()
                    + ": " + why, e);
        }
    }

    /** A path as one argument of a diagnostic command. */
    static String quote(Path p) {
        return "\"" + p.toAbsolutePath() + "\"";
    }

    private final class Session extends PollingSession {
        private final VirtualMachine vm;
        private final String name;
        private final Exchange exchange;
        /** Start time (epoch nanoseconds) of the last chunk appended to the output. */
        private long lastChunkStart = Long.MIN_VALUE;
        private boolean dumped;
        private boolean checkpointing = true;

        Session(JvmInfo target, SamplingRequest request, VirtualMachine vm, String name, Exchange exchange, List<String> notes) {
            super(target, request, notes);
            this.vm = vm;
            this.name = name;
            this.exchange = exchange;
        }

        /**
         * The shared period until the first dump, then twice that: each dump rotates a chunk in
         * the target (about 100 KB of metadata and constant pools written again) and copies the
         * recording; one-second checkpoints cost the target -5.5% throughput per CPU second against
         * -2.8% without (OverheadBench, cpu+alloc, with the earlier JMX streaming).
         */
        @Override
        protected Duration checkpointPeriod() {
            return dumped ? super.checkpointPeriod().multipliedBy(2) : super.checkpointPeriod();
        }

        @Override
        protected void checkpoint() {
            if (!checkpointing) {
                return;
            }
            Path dump = exchange.file("dump.jfr");
            try {
                DiagnosticCommand.run(vm, "JFR.dump name=" + name + " filename=" + quote(dump));
                appendFrom(dump);
                dumped = true;
            } catch (IOException | RuntimeException e) {
                if (targetAlive()) {
                    // the recording itself goes on and is complete at the end; only the live file stops growing
                    checkpointing = false;
                    notes.add("Flight Recorder checkpoints stopped (" + e.getMessage() + "): the recording grows again when sampling stops");
                }
            } finally {
                exchange.deleteFile(dump);
            }
        }

        /** Appends the chunks of a file the target wrote that are newer than the output's; false if it has no complete chunk. */
        private boolean appendFrom(Path file) throws IOException {
            if (!JfrChunks.startsWithCompleteChunk(file)) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() > Integer.MAX_VALUE) {
                    notes.add("the recording is over 2 GB: the output keeps its chunks up to " + Instant.ofEpochSecond(0, lastChunkStart));
                    checkpointing = false;
                    return true;
                }
                Path out = request().output();
                boolean created = !Files.exists(out);
                if (created) {
                    dev.hoist.core.PrivateFiles.create(out);
                }
                long[] last = JfrChunks.appendNew(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), lastChunkStart, out);
                if (last != null) {
                    lastChunkStart = last[0];
                }
                return true;
            }
        }

        /** Appends what the recording's destination holds beyond the output; whether the output now holds a complete chunk. */
        private boolean finish() {
            Path exit = exchange.file("exit.jfr");
            try {
                appendFrom(exit);
                return JfrChunks.keepComplete(request().output()) > 0;
            } catch (IOException e) {
                notes.add("could not complete the recording from " + exit + ": " + e.getMessage());
                return Files.exists(request().output());
            }
        }

        @Override
        protected SamplingResult stopInTarget(Duration ranFor) {
            try {
                DiagnosticCommand.run(vm, "JFR.stop name=" + name); // writes the whole recording to exit.jfr
            } catch (IOException | RuntimeException e) {
                if (!targetAlive()) {
                    throw new IllegalStateException(e);
                }
                throw new HoistException(Failure.SAMPLER_FAILED, "could not stop Flight Recorder in JVM "
                        + target().pid() + ": " + e.getMessage(), e);
            }
            if (!finish()) {
                throw new HoistException(Failure.SAMPLER_FAILED, "Flight Recorder stopped but wrote no recording to "
                        + exchange.file("exit.jfr"));
            }
            dev.hoist.core.PrivateFiles.restrict(request().output());
            return new SamplingResult(name(), "jfr", request().events(), request().output(), ranFor, false, notes);
        }

        @Override
        protected SamplingResult afterExit(Duration ranFor) {
            Path exit = exchange.file("exit.jfr");
            // dump-on-exit runs in the target's shutdown; give the file a moment to be complete
            for (int i = 0; i < 20 && Files.exists(exit) && !JfrChunks.startsWithCompleteChunk(exit); i++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            boolean kept = finish();
            if (!kept) {
                notes.add("the target was killed before Flight Recorder could write its recording");
            } else {
                dev.hoist.core.PrivateFiles.restrict(request().output());
            }
            return new SamplingResult(name(), "jfr", request().events(), kept ? request().output() : null, ranFor, true, notes);
        }

        @Override
        protected void release() {
            Attach.detachQuietly(vm);
            exchange.delete();
        }

        @Override
        protected String samplerName() {
            return name();
        }
    }
}
