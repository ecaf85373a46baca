package dev.hoist.core.report.advice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.MeasuredFindings;
import dev.hoist.core.report.findings.FindingsSarif;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;

/**
 * The ranked advice as SARIF 2.1.0: the same log as {@link FindingsSarif} (one rule entry per
 * rule, file + line locations), results in rank order, each result's {@code properties} carrying
 * the rank, the loop's measured shares and the evidence, and {@code rank} (0-100, SARIF's own
 * priority field) set to the ranking share so viewers sort by what the profile measured. The
 * {@code level} follows what fixing the site can save, not the rule's static severity, by the
 * advisor's own thresholds ({@link MeasuredFindings#HIGH}, {@link MeasuredFindings#MEDIUM}): {@code error}
 * from 5% of the recording saved, {@code warning} from 1%, {@code note} below that and for advice
 * whose cost the profile says the JIT already removes.
 */
public final class AdviceSarif {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdviceSarif() {
    }

    public static ObjectNode toTree(AdviceReport report, Collection<Rule> rules, String toolVersion) {
        return toTree(report, rules, toolVersion, dev.hoist.core.report.findings.SarifLinks.defaults());
    }

    /** The SARIF level of one piece of advice, by what fixing it can save. */
    public static String level(Advice a) {
        double saving = a.rankingShare();
        if (a.jitRemoves() || saving < MeasuredFindings.MEDIUM) return "note";
        return saving >= MeasuredFindings.HIGH ? "error" : "warning";
    }

    public static ObjectNode toTree(AdviceReport report, Collection<Rule> rules, String toolVersion,
                                    dev.hoist.core.report.findings.SarifLinks links) {
        List<Finding> findings = report.advice().stream().map(Advice::finding).toList();
        ObjectNode root = FindingsSarif.toTree(findings, rules, toolVersion, links);
        ArrayNode results = (ArrayNode) root.get("runs").get(0).get("results");
        for (int i = 0; i < report.advice().size(); i++) {
            Advice a = report.advice().get(i);
            ObjectNode res = (ObjectNode) results.get(i);
            res.put("rank", AdviceText.rankingPercent(a));
            res.put("level", level(a));
            ObjectNode props = (ObjectNode) res.get("properties");
            props.put("adviceRank", a.rank());
            props.put("confidence", a.confidence().name().toLowerCase(java.util.Locale.ROOT));
            props.put("sampleKind", a.cost().kind());
            props.put("loopInclusivePercent", AdviceJson.round1(a.cost().inclusiveShare() * 100));
            props.put("loopSelfPercent", AdviceJson.round1(a.cost().selfShare() * 100));
            props.put("loopAllocPercent", AdviceJson.round1(a.cost().allocShare() * 100));
            props.put("sitePercent", AdviceJson.round1(a.site().timeShare() * 100));
            props.put("siteAllocPercent", AdviceJson.round1(a.site().allocShare() * 100));
            props.put("savingPercent", AdviceJson.round1(a.site().savingShare() * 100));
            ArrayNode ev = props.putArray("evidence");
            a.evidence().forEach(ev::add);
        }
        return root;
    }

    public static void write(AdviceReport report, Collection<Rule> rules, String toolVersion, Writer out) throws IOException {
        write(report, rules, toolVersion, dev.hoist.core.report.findings.SarifLinks.defaults(), out);
    }

    public static void write(AdviceReport report, Collection<Rule> rules, String toolVersion,
                             dev.hoist.core.report.findings.SarifLinks links, Writer out) throws IOException {
        MAPPER.writeValue(new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, toTree(report, rules, toolVersion, links));
        out.write(System.lineSeparator());
        out.flush();
    }
}
