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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples with the JDK's own Flight Recorder in the target: the fallback where async-profiler
 * cannot load (Windows, unsupported libc or architecture) and what {@code --sampler jfr} picks.
 * Over the Attach API it starts the target's local JMX agent and drives
 * {@link FlightRecorderMXBean}, which is public API (unlike {@code HotSpotVirtualMachine.executeJCmd}).
 * The recording is on disk with the output file as destination and dump-on-exit, so a target
 * that ends normally (end of main, System.exit, SIGTERM) writes what it sampled; one that is
 * killed with SIGKILL loses the JFR data, unlike with async-profiler.
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

    @Override
    public SamplingSession start(JvmInfo target, SamplingRequest request) {
        Path out = request.output();
        try {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
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
                    "destination", out.toString()));
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
        private final VirtualMachine vm;
        private final JMXConnector connector;
        private final FlightRecorderMXBean jfr;
        private final long id;

        Session(JvmInfo target, SamplingRequest request, VirtualMachine vm, JMXConnector connector,
                FlightRecorderMXBean jfr, long id, List<String> notes) {
            super(target, request, notes);
            this.vm = vm;
            this.connector = connector;
            this.jfr = jfr;
            this.id = id;
        }

        @Override
        protected void checkpoint() {
            // nothing: the recording is on disk in the target's repository and dumped on exit
        }

        @Override
        protected SamplingResult stopInTarget(Duration ranFor) {
            try {
                jfr.stopRecording(id); // writes the recording to its destination and closes it
            } catch (RuntimeException e) {
                if (!targetAlive()) {
                    throw e;
                }
                throw new HoistException(Failure.SAMPLER_FAILED, "could not stop Flight Recorder in JVM "
                        + target().pid() + ": " + e.getMessage(), e);
            }
            Path out = request().output();
            if (!Files.isRegularFile(out)) {
                throw new HoistException(Failure.SAMPLER_FAILED, "Flight Recorder stopped but wrote no recording to " + out);
            }
            return new SamplingResult(name(), "jfr", request().events(), out, ranFor, false, notes);
        }

        @Override
        protected SamplingResult afterExit(Duration ranFor) {
            Path out = request().output();
            // dump-on-exit runs in the target's shutdown; give the file a moment to be complete
            int chunks = 0;
            for (int i = 0; i < 20 && chunks == 0; i++) {
                try {
                    chunks = Files.exists(out) ? JfrChunks.keepComplete(out) : 0;
                } catch (IOException e) {
                    chunks = 0;
                }
                if (chunks == 0) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (chunks == 0) {
                notes.add("the target was killed before Flight Recorder could write its recording");
            }
            return new SamplingResult(name(), "jfr", request().events(), chunks > 0 ? out : null, ranFor, true, notes);
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
