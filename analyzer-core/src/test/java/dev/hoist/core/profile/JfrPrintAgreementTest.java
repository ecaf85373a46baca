package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our ranking must agree with the JDK's own tool: {@code jfr print --events jdk.ExecutionSample}
 * on the same file, counting each sample's top frame per method.
 */
class JfrPrintAgreementTest {

    @Test
    void jdkRecordingAgreesWithJfrPrint() throws Exception {
        assertAgrees(Recordings.jdk());
    }

    @Test
    void asyncProfilerRecordingAgreesWithJfrPrint() throws Exception {
        assertAgrees(Recordings.asyncProfiler());
    }

    private static void assertAgrees(Path file) throws Exception {
        Map<String, Long> jfr = topFrameCounts(file);
        List<Map.Entry<String, Long>> jfrTop = new ArrayList<>(jfr.entrySet());
        jfrTop.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        jfrTop = jfrTop.subList(0, Math.min(4, jfrTop.size()));
        assertThat(jfrTop).as("jfr print found samples").isNotEmpty();

        Profile p = ProfileReader.read(file);
        MethodStats stats = MethodStats.of(p, EventKind.CPU);
        assertThat(stats.grandTotal()).isEqualTo(jfr.values().stream().mapToLong(Long::longValue).sum());
        Map<String, Long> ours = new HashMap<>();
        List<String> ourOrder = new ArrayList<>();
        for (MethodStats.MethodStat s : stats.bySelf()) {
            // jfr print names methods without descriptors, so overloads fold together there
            ours.merge(s.method().displayName(), s.self(), Long::sum);
            if (!ourOrder.contains(s.method().displayName())) {
                ourOrder.add(s.method().displayName());
            }
        }
        for (Map.Entry<String, Long> e : jfrTop) {
            assertThat(ours.get(e.getKey())).as("self samples of " + e.getKey()).isEqualTo(e.getValue());
        }
        // same order, ties aside: a method with more samples in jfr print comes first in ours
        for (int i = 0; i < jfrTop.size(); i++) {
            for (int j = i + 1; j < jfrTop.size(); j++) {
                if (jfrTop.get(i).getValue() > jfrTop.get(j).getValue()) {
                    assertThat(ourOrder.indexOf(jfrTop.get(i).getKey())).isLessThan(ourOrder.indexOf(jfrTop.get(j).getKey()));
                }
            }
        }
    }

    /** Runs the JDK's jfr tool and counts the first frame of each sample's stackTrace by Class.method. */
    static Map<String, Long> topFrameCounts(Path file) throws Exception {
        Path jfrTool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process proc = new ProcessBuilder(jfrTool.toString(), "print", "--events", "jdk.ExecutionSample", file.toString())
                .redirectErrorStream(true).start();
        Map<String, Long> counts = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            boolean nextIsTop = false;
            for (String line; (line = in.readLine()) != null; ) {
                String s = line.strip();
                if (s.startsWith("stackTrace = [")) {
                    nextIsTop = true;
                } else if (nextIsTop) {
                    nextIsTop = false;
                    int paren = s.indexOf('(');
                    String name = paren > 0 ? s.substring(0, paren) : s;
                    // jfr prints frames without a class (kernel, native libraries) as ".name"; ours have no dot
                    counts.merge(name.startsWith(".") ? name.substring(1) : name, 1L, Long::sum);
                }
            }
            assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(proc.exitValue()).isZero();
        } finally {
            proc.destroyForcibly();
            proc.waitFor();
        }
        return counts;
    }
}
