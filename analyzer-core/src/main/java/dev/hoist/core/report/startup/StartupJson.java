package dev.hoist.core.report.startup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.report.advice.AdviceJson;
import dev.hoist.core.startup.ClassLoading;
import dev.hoist.core.startup.StartLoops;
import dev.hoist.core.startup.StartupAdvice;
import dev.hoist.core.startup.StartupBreakdown;
import dev.hoist.core.startup.StartupReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** JSON form of the startup report, schema {@code hoist.startup/1}; every field is documented in docs/startup-json.md. */
public final class StartupJson {
    public static final String SCHEMA = "hoist.startup/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private StartupJson() {
    }

    public static void write(StartupReport r, Writer out) throws IOException {
        MAPPER.writeValue(out, tree(r));
        out.write('\n');
        out.flush();
    }

    static ObjectNode tree(StartupReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode cmd = root.putArray("command");
        r.command().forEach(cmd::add);
        root.put("javaVersion", r.javaVersion());
        root.put("endPoint", r.endPoint());
        root.put("runs", r.runs());
        if (r.failed()) {
            ObjectNode f = root.putObject("failure");
            f.put("exitCode", r.failure().exitCode());
            f.put("message", r.failureMessage());
        } else {
            root.putNull("failure");
        }
        StartupBreakdown b = r.breakdown();
        ObjectNode bd = root.putObject("breakdown");
        bd.put("wallMillis", round(b.wallMillis()));
        bd.put("jvmBootMillis", known(b.jvmBootMillis()));
        bd.put("classes", b.classes());
        bd.put("sharedClasses", b.sharedClasses());
        bd.put("classLoadMillis", known(b.classLoadMillis()));
        bd.put("classInitMillis", known(b.classInitMillis()));
        bd.put("linkMillis", known(b.linkMillis()));
        bd.put("verifyMillis", known(b.verifyMillis()));
        bd.put("gcCount", b.gcCount());
        bd.put("gcMillis", known(b.gcMillis()));
        bd.put("jitMillis", known(b.jitMillis()));
        groups(bd.putArray("bySource"), b.bySource());
        groups(bd.putArray("byPackage"), b.byPackage());
        ArrayNode per = bd.putArray("classesPer10ms");
        b.classesPer10ms().forEach(per::add);
        ArrayNode clinits = bd.putArray("clinits");
        for (StartupBreakdown.Clinit c : b.clinits()) {
            ObjectNode o = clinits.addObject();
            o.put("class", c.className());
            o.put("millis", round(c.millis()));
            o.put("samples", c.samples());
            o.put("hottestCallee", c.hottestCallee());
        }
        ArrayNode hot = bd.putArray("hotMethods");
        for (StartupBreakdown.HotMethod m : b.hotMethods()) {
            ObjectNode o = hot.addObject();
            o.put("method", m.method());
            o.put("samples", m.samples());
        }
        StartupBreakdown.CpuSplit c = b.cpu();
        ObjectNode cpu = bd.putObject("cpuSamples");
        cpu.put("intervalMillis", c.intervalMillis());
        cpu.put("interpreted", c.interpreted());
        cpu.put("compiled", c.compiled());
        cpu.put("jit", c.jit());
        cpu.put("gc", c.gc());
        cpu.put("vm", c.vm());
        ArrayNode advice = root.putArray("advice");
        for (StartupAdvice a : r.advice()) {
            ObjectNode o = advice.addObject();
            o.put("id", a.id());
            o.put("title", a.title());
            o.put("summary", a.summary());
            o.put("savedMillis", round(a.savedMillis()));
            if (a.measured() == null) {
                o.putNull("measured");
            } else {
                ObjectNode m = o.putObject("measured");
                m.put("baselineMedianMillis", round(a.measured().baselineMedian()));
                m.put("variantMedianMillis", a.measured().variant().isEmpty() ? null : round(a.measured().variantMedian()));
                m.put("changePercent", round(a.measured().changePercent()));
                times(m.putArray("baselineMillis"), a.measured().baseline());
                times(m.putArray("variantMillis"), a.measured().variant());
                m.put("failedRuns", a.measured().failedRuns());
            }
            o.put("estimatedMillis", a.measured() == null ? round(a.estimatedMillis()) : null);
            ArrayNode opts = o.putArray("options");
            a.options().forEach(opts::add);
            ArrayNode apply = o.putArray("apply");
            a.apply().forEach(apply::add);
            o.put("code", a.code());
        }
        loops(root, r.loops());
        ArrayNode archives = root.putArray("archives");
        r.archives().forEach(archives::add);
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    /** The loop advice on the start window: its top items as {@code hoist.profile/1}'s advice objects, or why none. */
    private static void loops(ObjectNode root, StartLoops loops) {
        if (loops == null) {
            root.putNull("loops");
            return;
        }
        ObjectNode o = root.putObject("loops");
        o.put("samples", loops.samples());
        o.put("javaSamples", loops.javaSamples());
        o.put("tooFew", loops.tooFew());
        o.put("verdict", loops.verdict());
        o.put("found", loops.advice().advice().size());
        o.set("items", AdviceJson.advice(new AdviceReport(loops.top(), List.of(), List.of(), 0)));
        ArrayNode unavailable = o.putArray("unavailable");
        loops.advice().unavailable().forEach(unavailable::add);
    }

    private static void groups(ArrayNode arr, List<ClassLoading.Group> groups) {
        for (ClassLoading.Group g : groups) {
            ObjectNode o = arr.addObject();
            o.put("name", g.name());
            o.put("classes", g.classes());
        }
    }

    private static void times(ArrayNode arr, List<Double> xs) {
        xs.forEach(x -> arr.add(round(x)));
    }

    /** One decimal, sign kept: a gain can be negative. */
    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** One decimal, or -1 for what the JVM did not say (its counters are never negative). */
    private static double known(double v) {
        return v < 0 ? -1 : round(v);
    }
}
