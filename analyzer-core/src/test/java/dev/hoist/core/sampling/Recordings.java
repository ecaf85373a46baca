package dev.hoist.core.sampling;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads a recording with the JDK's own JFR parser, the way a user's tools would. */
final class Recordings {
    private static final Set<String> ALLOCATION_EVENTS = Set.of("jdk.ObjectAllocationInNewTLAB",
            "jdk.ObjectAllocationOutsideTLAB", "jdk.ObjectAllocationSample");

    private Recordings() {}

    static List<RecordedEvent> events(Path jfr) throws IOException {
        return RecordingFile.readAllEvents(jfr);
    }

    /** Sample counts per top Java frame ("pkg.Class.method") of execution samples. */
    static Map<String, Long> topFrames(Path jfr) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (RecordedEvent e : events(jfr)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                e.getStackTrace().getFrames().stream().filter(RecordedFrame::isJavaFrame).findFirst()
                        .ifPresent(f -> counts.merge(name(f), 1L, Long::sum));
            }
        }
        return counts;
    }

    /** The n methods with the most top-frame samples, most first. */
    static List<String> topMethods(Path jfr, int n) throws IOException {
        return topFrames(jfr).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** Allocation samples as "allocated type @ allocating method", with their counts. */
    static Map<String, Long> allocationSites(Path jfr) throws IOException {
        Map<String, Long> sites = new TreeMap<>();
        for (RecordedEvent e : events(jfr)) {
            if (ALLOCATION_EVENTS.contains(e.getEventType().getName()) && e.getStackTrace() != null) {
                String type = e.getClass("objectClass").getName();
                String where = e.getStackTrace().getFrames().stream().filter(RecordedFrame::isJavaFrame)
                        .findFirst().map(Recordings::name).orElse("?");
                sites.merge(type + " @ " + where, 1L, Long::sum);
            }
        }
        return sites;
    }

    static Set<String> eventTypes(Path jfr) throws IOException {
        return events(jfr).stream().map(e -> e.getEventType().getName()).collect(Collectors.toSet());
    }

    static long count(Path jfr, String type) throws IOException {
        return events(jfr).stream().filter(e -> e.getEventType().getName().equals(type)).count();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
