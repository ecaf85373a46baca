package dev.hoist.core.report.advice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.advice.SiteCost;
import dev.hoist.core.rule.Finding;

import java.util.Locale;

/**
 * The advice as JSON nodes for the {@code hoist.profile/1} report: an {@code advice} array (one
 * object per ranked advice) and an {@code adviceInfo} object (methods analyzed, bytes unavailable,
 * hidden count). Every field is documented in docs/report-json.md; add fields, never rename.
 */
public final class AdviceJson {
    private AdviceJson() {
    }

    public static ArrayNode advice(AdviceReport report) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Advice a : report.advice()) {
            Finding f = a.finding();
            LoopCost c = a.cost();
            ObjectNode o = arr.addObject();
            o.put("rank", a.rank());
            o.put("rule", f.rule());
            o.put("confidence", a.confidence().name().toLowerCase(Locale.ROOT));
            o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            o.put("rankingPercent", AdviceText.rankingPercent(a));
            dev.hoist.core.report.findings.FindingsJson.putLocation(o, f);
            ObjectNode cost = o.putObject("cost");
            cost.put("kind", c.kind());
            cost.put("selfSamples", c.selfSamples());
            cost.put("inclusiveSamples", c.inclusiveSamples());
            cost.put("totalSamples", c.totalSamples());
            cost.put("selfPercent", round1(c.selfShare() * 100));
            cost.put("inclusivePercent", round1(c.inclusiveShare() * 100));
            cost.put("allocSamples", c.allocSamples());
            cost.put("allocBytes", c.allocBytes());
            cost.put("totalAllocBytes", c.totalAllocBytes());
            cost.put("allocPercent", round1(c.allocShare() * 100));
            SiteCost sc = a.site();
            ObjectNode site = o.putObject("site");
            site.put("samples", sc.samples());
            site.put("percent", round1(sc.timeShare() * 100));
            site.put("allocSamples", sc.allocSamples());
            site.put("allocBytes", sc.allocBytes());
            site.put("allocPercent", round1(sc.allocShare() * 100));
            site.put("savingPercent", round1(sc.savingShare() * 100));
            ArrayNode bcis = site.putArray("bcis");
            for (int b : f.siteBcis()) bcis.add(b);
            o.put("effect", a.effect().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (a.via() == null) {
                o.putNull("via");
            } else {
                ObjectNode via = o.putObject("via");
                via.put("class", a.via().className());
                via.put("method", a.via().method());
                via.put("firstLine", a.via().firstLine());
                via.put("lastLine", a.via().lastLine());
                via.put("chain", a.via().chain());
                via.put("samples", a.via().samples());
            }
            o.put("message", f.message());
            o.put("mechanism", f.mechanism());
            ArrayNode ev = o.putArray("evidence");
            a.evidence().forEach(ev::add);
            ObjectNode fix = o.putObject("fix");
            fix.put("before", f.fix().before());
            fix.put("after", f.fix().after());
        }
        return arr;
    }

    public static ObjectNode info(AdviceReport report) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode analyzed = o.putArray("methodsAnalysed");
        report.methodsAnalysed().forEach(analyzed::add);
        ArrayNode unavailable = o.putArray("unavailable");
        report.unavailable().forEach(unavailable::add);
        o.put("hiddenUnsampled", report.hiddenUnsampled());
        o.put("contradicted", report.contradicted());
        ArrayNode notices = o.putArray("notices");
        report.notices().forEach(notices::add);
        return o;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
