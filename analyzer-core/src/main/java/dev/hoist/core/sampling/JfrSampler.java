package dev.hoist.core.sampling;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.Attach;
import dev.hoist.core.jvm.JvmInfo;
import jdk.management.jfr.FlightRecorderMXBean;

import javax.management.JMX;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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

/**
 * Samples with the JDK's own Flight Recorder in the target: the fallback where async-profiler
 * cannot load (Windows, unsupported libc or architecture) and what {@code --sampler jfr} picks.
 * Over the Attach API it starts the target's local JMX agent and drives
 * {@link FlightRecorderMXBean}, which is public API (unlike {@code HotSpotVirtualMachine.executeJCmd}).
 *
 * <p>The output file grows by complete chunks once per checkpoint, as async-profiler's does, so a
 * {@code LiveRecording} can follow it and a target killed with SIGKILL keeps what was checkpointed.
 * Each checkpoint clones the recording with stop=true: stopping the clone makes the target finish
 * its current chunk (a chunk rotation), so the clone holds every chunk up to now, and the chunks that
 * started after the last one appended are streamed over JMX ({@code openStream} with a start time)
 * and appended. The recording's own destination is a side file ({@link #dumpFile}) with
 * dump-on-exit, because the JDK appends the whole recording to its destination when it stops; the
 * chunks there that are newer than the output's are appended at the end (stop, or an orderly exit
 * of the target) and the side file is deleted. The price of a chunk per second is the JDK's
 * metadata and constant pools written again per chunk (about 100 KB per chunk on JDK 17) and a
 * rotation in the target per second, which also cuts any recording the target runs itself into
 * chunks of a second while Hoist samples.
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

    /** Where the target itself writes the whole recording when it stops or exits, beside the output. */
    static Path dumpFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".dump");
    }

    @Override
    // BanJNDI: the JMX connection goes to the address the target's own local management agent gave
    // (a local attach), not to a name from user input
    @SuppressWarnings("BanJNDI")
    public SamplingSession start(JvmInfo target, SamplingRequest request) {
        Path out = request.output();
        try {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            Files.deleteIfExists(dumpFile(out));
        } catch (IOException e) {
            throw new HoistException(Failure.BAD_INPUT, "cannot write the recording " + out + ": " + e.getMessage(), e);
        }
        VirtualMachine vm = Attach.attach(target.pid());
        JMXConnector connector = null;
        try {
            String address = vm.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            FlightRecorderMXBean jfr = JMX.newMXBeanProxy(connector.getMBeanServerConnection(),
                    new ObjectName("jdk.management.jfr:type=FlightRecorder"), FlightRecorderMXBean.class);
            long id = jfr.newRecording();
            jfr.setRecordingSettings(id, settings(request, target.featureVersion().orElse(11)));
            jfr.setRecordingOptions(id, Map.of("name", "hoist", "disk", "true", "dumpOnExit", "true",
                    "destination", dumpFile(out).toString()));
            jfr.startRecording(id);
            List<String> notes = new ArrayList<>();
            if (request.has(SamplingEvent.WALL)) {
                notes.add("JFR has no wall-clock sampler: wall uses Java and native-method samples");
            }
            if (request.has(SamplingEvent.ALLOC)) {
                notes.add("JFR samples allocations by rate (300/s), not every " + request.allocBytes() + " bytes");
            }
            notes.add("the JMX agent started in the target for JFR stays open until the target exits");
            Session session = new Session(target, request, vm, connector, jfr, id, notes);
            session.begin();
            return session;
        } catch (IOException | MalformedObjectNameException | RuntimeException e) {
            closeQuietly(connector);
            Attach.detachQuietly(vm);
            if (e instanceof HoistException h) {
                throw h;
            }
            if (PollingSession.exitsWithin(target.pid(), Duration.ofSeconds(2))) {
                throw new HoistException(Failure.TARGET_EXITED, "JVM " + target.pid()
                        + " exited while Flight Recorder was starting in it; nothing was recorded", e);
            }
            throw new HoistException(Failure.SAMPLER_FAILED, "could not start Flight Recorder in JVM " + target.pid()
                    + ": " + e.getMessage() + "; is it a JDK with JFR (8u262+, 11+)?", e);
        }
    }

    private static void closeQuietly(JMXConnector c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // the target may be gone already
            }
        }
    }

    private final class Session extends PollingSession {
        private static final int STREAM_BLOCK = 4 << 20;
        private final VirtualMachine vm;
        private final JMXConnector connector;
        private final FlightRecorderMXBean jfr;
        private final long id;
        /** Start and end (epoch nanoseconds) of the last chunk appended to the output. */
        private long lastChunkStart = Long.MIN_VALUE;
        private long lastChunkEnd = Long.MIN_VALUE;
        private boolean checkpointing = true;

        Session(JvmInfo target, SamplingRequest request, VirtualMachine vm, JMXConnector connector,
                FlightRecorderMXBean jfr, long id, List<String> notes) {
            super(target, request, notes);
            this.vm = vm;
            this.connector = connector;
            this.jfr = jfr;
            this.id = id;
        }

        /**
         * Twice the shared period: each Flight Recorder chunk repeats about 115 KB of metadata and
         * the clone-and-stream costs the target CPU, measured at -5.5% throughput per CPU second with
         * one-second checkpoints against -2.8% without (OverheadBench, cpu+alloc). Every two seconds
         * halves that extra cost; the window's view of a JFR session updates at that pace.
         */
        @Override
        protected Duration checkpointPeriod() {
            return super.checkpointPeriod().multipliedBy(2);
        }

        @Override
        protected void checkpoint() {
            if (!checkpointing) {
                return;
            }
            try {
                long clone = jfr.cloneRecording(id, true);
                try {
                    appendNewChunks(clone);
                } finally {
                    jfr.closeRecording(clone);
                }
            } catch (IOException | RuntimeException e) {
                if (targetAlive()) {
                    // the recording itself goes on and is complete at the end; only the live file stops growing
                    checkpointing = false;
                    notes.add("Flight Recorder checkpoints stopped (" + e.getMessage() + "): the recording grows again when sampling stops");
                }
            }
        }

        /** Streams the recording's chunks that are newer than the output's last one and appends them. */
        private void appendNewChunks(long recording) throws IOException {
            Map<String, String> options = new HashMap<>();
            options.put("blockSize", Integer.toString(STREAM_BLOCK));
            if (lastChunkEnd != Long.MIN_VALUE) {
                // chunks that end at or after the start time come back: past the last one, only new ones
                options.put("startTime", Instant.ofEpochSecond(0, lastChunkEnd).plusNanos(1).toString());
            }
            long stream;
            try {
                stream = jfr.openStream(recording, options);
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("No recording data")) {
                    return; // no chunk finished since the last checkpoint
                }
                throw e;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                for (byte[] block; (block = jfr.readStream(stream)) != null; ) {
                    bytes.write(block);
                }
            } finally {
                jfr.closeStream(stream);
            }
            append(ByteBuffer.wrap(bytes.toByteArray()));
        }

        private void append(ByteBuffer chunks) throws IOException {
            long[] last = JfrChunks.appendNew(chunks, lastChunkStart, request().output());
            if (last != null) {
                lastChunkStart = last[0];
                lastChunkEnd = last[1];
            }
        }

        /**
         * Appends the chunks of the side file that the checkpoints did not (at least the last one)
         * and deletes it; returns whether the output holds a complete chunk.
         */
        private boolean appendFromDumpFile() {
            Path dump = dumpFile(request().output());
            try {
                if (Files.exists(dump)) {
                    try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.READ)) {
                        if (ch.size() > Integer.MAX_VALUE) {
                            notes.add("the recording is over 2 GB: its last chunks stay in " + dump);
                            return JfrChunks.keepComplete(request().output()) > 0;
                        }
                        append(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
                    }
                    Files.delete(dump);
                }
                return JfrChunks.keepComplete(request().output()) > 0;
            } catch (IOException e) {
                notes.add("could not complete the recording from " + dump + ": " + e.getMessage());
                return Files.exists(request().output());
            }
        }

        @Override
        protected SamplingResult stopInTarget(Duration ranFor) {
            try {
                jfr.stopRecording(id); // writes the whole recording to the side file
            } catch (RuntimeException e) {
                if (!targetAlive()) {
                    throw e;
                }
                throw new HoistException(Failure.SAMPLER_FAILED, "could not stop Flight Recorder in JVM "
                        + target().pid() + ": " + e.getMessage(), e);
            }
            Path out = request().output();
            if (!appendFromDumpFile()) {
                throw new HoistException(Failure.SAMPLER_FAILED, "Flight Recorder stopped but wrote no recording to "
                        + dumpFile(out));
            }
            try {
                jfr.closeRecording(id); // lets the target delete its copy of the chunks
            } catch (IOException | RuntimeException e) {
                notes.add("could not close the recording in the target: " + e.getMessage());
            }
            dev.hoist.core.PrivateFiles.restrict(out);
            return new SamplingResult(name(), "jfr", request().events(), out, ranFor, false, notes);
        }

        @Override
        protected SamplingResult afterExit(Duration ranFor) {
            Path dump = dumpFile(request().output());
            // dump-on-exit runs in the target's shutdown; give the side file a moment to be complete
            for (int i = 0; i < 20 && !JfrChunks.startsWithCompleteChunk(dump); i++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            boolean kept = appendFromDumpFile();
            if (!kept) {
                notes.add("the target was killed before Flight Recorder could write its recording");
            }
            if (kept) dev.hoist.core.PrivateFiles.restrict(request().output());
            return new SamplingResult(name(), "jfr", request().events(), kept ? request().output() : null, ranFor, true, notes);
        }

        @Override
        protected void release() {
            closeQuietly(connector);
            Attach.detachQuietly(vm);
        }

        @Override
        protected String samplerName() {
            return name();
        }
    }
}
