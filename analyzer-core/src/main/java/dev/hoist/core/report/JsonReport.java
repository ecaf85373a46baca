package dev.hoist.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.profile.Allocations;
import dev.hoist.core.report.advice.AdviceJson;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.ProfileInfo;
import dev.hoist.core.profile.ThreadStats;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/** JSON form of the profile report, schema {@code hoist.profile/1}; every field is documented in docs/report-json.md. */
final class JsonReport {
    static final String SCHEMA = "hoist.profile/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonReport() {
    }

    static void write(ProfileReport.Data d, AdviceReport advice, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ProfileInfo info = d.profile().info();
        root.put("schema", SCHEMA);
        root.put("file", String.valueOf(info.file()));
        root.put("sampler", info.sampler().id());
        root.put("engine", info.engine());
        root.put("start", info.startEpochNanos() < 0 ? null : Instant.ofEpochSecond(0, info.startEpochNanos()).toString());
        if (info.durationNanos() < 0) {
            root.putNull("durationSeconds");
        } else {
            root.put("durationSeconds", Math.round(info.durationNanos() / 1e6) / 1e3);
        }
        ObjectNode events = root.putObject("events");
        for (Map.Entry<EventKind, Long> e : d.counts().entrySet()) {
            events.put(e.getKey().id(), e.getValue());
        }
        ArrayNode warnings = root.putArray("warnings");
        info.warnings().forEach(warnings::add);

        ObjectNode hot = root.putObject("hotMethods");
        hot.put("kind", d.kind() == null ? null : d.kind().id());
        hot.put("unit", d.kind() == null ? null : unit(d.kind()));
        hot.put("total", d.methods() == null ? 0 : d.methods().grandTotal());
        ArrayNode methods = hot.putArray("methods");
        for (MethodStats.MethodStat s : d.hot()) {
            long total = d.methods().grandTotal();
            ObjectNode m = methods.addObject();
            method(m, s.method());
            m.put("self", s.self());
            m.put("total", s.total());
            m.put("selfPercent", ProfileReport.round1(ProfileReport.percent(s.self(), total)));
            m.put("totalPercent", ProfileReport.round1(ProfileReport.percent(s.total(), total)));
            ArrayNode lines = m.putArray("lines");
            d.methods().lines(s.methodIndex()).stream().filter(l -> l.line() > 0)
                    .limit(d.options().linesPerMethod()).forEach(l -> {
                        ObjectNode ln = lines.addObject();
                        ln.put("line", l.line());
                        ln.put("self", l.self());
                        ln.put("total", l.total());
                        ln.put("selfPercent", ProfileReport.round1(ProfileReport.percent(l.self(), total)));
                    });
        }

        Allocations lk = d.locks();
        ObjectNode locks = root.putObject("locks");
        locks.put("waits", lk.totalSamples());
        locks.put("waitedNanos", lk.totalBytes());
        ArrayNode lockSites = locks.putArray("sites");
        for (Allocations.SiteStat s : lk.bySite().stream().limit(d.options().topSites()).toList()) {
            ObjectNode o = lockSites.addObject();
            o.put("lockClass", s.type());
            if (s.site() != null) frame(o.putObject("frame"), s.site());
            if (s.caller() != null) frame(o.putObject("caller"), s.caller());
            o.put("waitedNanos", s.bytes());
            o.put("waits", s.samples());
            o.put("percent", ProfileReport.round1(ProfileReport.percent(s.bytes(), lk.totalBytes())));
        }

        Allocations a = d.allocations();
        ObjectNode alloc = root.putObject("allocations");
        alloc.put("bytes", a.totalBytes());
        alloc.put("samples", a.totalSamples());
        ArrayNode sites = alloc.putArray("sites");
        for (Allocations.SiteStat s : a.bySite().stream().limit(d.options().topSites()).toList()) {
            ObjectNode o = sites.addObject();
            o.put("type", s.type());
            Frame f = s.site();
            ObjectNode frame = o.putObject("frame");
            if (f == null) {
                method(frame, new MethodRef("", "[no stack]", ""));
                frame.put("line", -1);
                frame.put("bci", -1);
                frame.put("frameType", "unknown");
            } else {
                frame(frame, f);
            }
            if (s.caller() == null) {
                o.putNull("caller");
            } else {
                frame(o.putObject("caller"), s.caller());
            }
            o.put("bytes", s.bytes());
            o.put("samples", s.samples());
            o.put("bytesPercent", ProfileReport.round1(ProfileReport.percent(s.bytes(), a.totalBytes())));
        }
        ArrayNode types = alloc.putArray("types");
        for (Allocations.TypeStat t : a.byType().stream().limit(d.options().topSites()).toList()) {
            ObjectNode o = types.addObject();
            o.put("type", t.type());
            o.put("bytes", t.bytes());
            o.put("samples", t.samples());
            o.put("bytesPercent", ProfileReport.round1(ProfileReport.percent(t.bytes(), a.totalBytes())));
        }

        ArrayNode threads = root.putArray("threads");
        for (ThreadStats.ThreadStat t : d.threads()) {
            ObjectNode o = threads.addObject();
            o.put("name", t.name());
            o.put("value", t.value());
            o.put("samples", t.samples());
            o.put("percent", ProfileReport.round1(ProfileReport.percent(t.value(), d.methods().grandTotal())));
        }
        if (advice != null) {
            root.set("advice", AdviceJson.advice(advice));
            root.set("adviceInfo", AdviceJson.info(advice));
        }
        MAPPER.writeValue(out, root);
        out.write(System.lineSeparator());
    }

    private static void frame(ObjectNode o, Frame f) {
        method(o, f.method());
        o.put("line", f.line());
        o.put("bci", f.bci());
        o.put("frameType", f.type().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static void method(ObjectNode o, MethodRef m) {
        o.put("method", m.displayName());
        o.put("class", m.className());
        o.put("name", m.name());
        o.put("descriptor", m.descriptor());
    }

    private static String unit(EventKind k) {
        return k.weightIsSamples() ? "samples" : k == EventKind.ALLOC ? "bytes" : "nanoseconds";
    }
}
