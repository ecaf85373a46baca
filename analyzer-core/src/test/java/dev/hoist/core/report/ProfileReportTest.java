package dev.hoist.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.advice.TestRules;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.classes.ProblemSink;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.profile.ProfileWorkload;
import dev.hoist.core.profile.Recordings;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileReportTest {
    private static final String W = ProfileWorkload.class.getName();

    /** The documented schema (docs/report-json.md): field -> JSON type; "?" marks nullable. */
    private static final Map<String, String> TOP = Map.ofEntries(
            Map.entry("schema", "string"), Map.entry("file", "string"), Map.entry("sampler", "string"),
            Map.entry("engine", "string?"), Map.entry("start", "string?"), Map.entry("durationSeconds", "number?"),
            Map.entry("events", "object"), Map.entry("warnings", "array"), Map.entry("hotMethods", "object"),
            Map.entry("allocations", "object"), Map.entry("locks", "object"), Map.entry("threads", "array"));
    private static final Map<String, String> LOCKS = Map.of("waits", "number", "waitedNanos", "number", "sites", "array");
    private static final Map<String, String> HOT = Map.of("kind", "string?", "unit", "string?", "total", "number", "methods", "array");
    private static final Map<String, String> METHOD = Map.of("method", "string", "class", "string", "name", "string",
            "descriptor", "string", "self", "number", "total", "number", "selfPercent", "number", "totalPercent", "number",
            "lines", "array");
    private static final Map<String, String> LINE = Map.of("line", "number", "self", "number", "total", "number", "selfPercent", "number");
    private static final Map<String, String> ALLOC = Map.of("bytes", "number", "samples", "number", "sites", "array", "types", "array");
    private static final Map<String, String> SITE = Map.of("type", "string", "frame", "object", "caller", "object?",
            "bytes", "number", "samples", "number", "bytesPercent", "number");
    private static final Map<String, String> FRAME = Map.of("method", "string", "class", "string", "name", "string",
            "descriptor", "string", "line", "number", "bci", "number", "frameType", "string");
    private static final Map<String, String> TYPE = Map.of("type", "string", "bytes", "number", "samples", "number", "bytesPercent", "number");
    private static final Map<String, String> ADVICE = Map.ofEntries(Map.entry("rank", "number"), Map.entry("rule", "string"),
            Map.entry("confidence", "string"), Map.entry("severity", "string"), Map.entry("rankingPercent", "number"),
            Map.entry("class", "string"), Map.entry("method", "string"), Map.entry("descriptor", "string"),
            Map.entry("file", "string?"), Map.entry("line", "number"), Map.entry("loopLines", "array"), Map.entry("cost", "object"),
            Map.entry("site", "object"), Map.entry("effect", "string"), Map.entry("via", "object?"),
            Map.entry("message", "string"), Map.entry("mechanism", "string"), Map.entry("evidence", "array"), Map.entry("fix", "object"));
    private static final Map<String, String> COST = Map.of("kind", "string", "selfSamples", "number", "inclusiveSamples", "number",
            "totalSamples", "number", "selfPercent", "number", "inclusivePercent", "number", "allocSamples", "number",
            "allocBytes", "number", "totalAllocBytes", "number", "allocPercent", "number");
    private static final Map<String, String> ADVICE_SITE = Map.of("samples", "number", "percent", "number", "allocSamples", "number",
            "allocBytes", "number", "allocPercent", "number", "savingPercent", "number", "bcis", "array");
    private static final Map<String, String> ADVICE_INFO = Map.of("methodsAnalysed", "array", "unavailable", "array",
            "hiddenUnsampled", "number", "contradicted", "number", "notices", "array");
    private static final Map<String, String> THREAD = Map.of("name", "string", "value", "number", "samples", "number", "percent", "number");

    @Test
    void jsonFollowsTheDocumentedSchemaForBothSamplers() throws Exception {
        for (Path file : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            Profile p = ProfileReader.read(file);
            JsonNode root = json(p);
            assertShape(root, TOP, "$");
            assertThat(root.get("schema").asText()).isEqualTo("hoist.profile/1");
            assertThat(root.get("events").get("cpu").asLong()).isPositive();
            JsonNode hot = root.get("hotMethods");
            assertShape(hot, HOT, "$.hotMethods");
            assertThat(hot.get("kind").asText()).isEqualTo("cpu");
            for (JsonNode m : hot.get("methods")) {
                assertShape(m, METHOD, "$.hotMethods.methods[]");
                for (JsonNode l : m.get("lines")) {
                    assertShape(l, LINE, "$.hotMethods.methods[].lines[]");
                }
            }
            assertShape(root.get("locks"), LOCKS, "$.locks");
            assertShape(root.get("allocations"), ALLOC, "$.allocations");
            assertThat(root.get("allocations").get("sites")).isNotEmpty();
            for (JsonNode s : root.get("allocations").get("sites")) {
                assertShape(s, SITE, "$.allocations.sites[]");
                assertShape(s.get("frame"), FRAME, "$.allocations.sites[].frame");
                if (!s.get("caller").isNull()) {
                    assertShape(s.get("caller"), FRAME, "$.allocations.sites[].caller");
                }
            }
            // Integer.valueOf allocates on behalf of the workload's boxing loop: the report says where from
            JsonNode integers = null;
            for (JsonNode s : root.get("allocations").get("sites")) {
                if (s.get("type").asText().equals("java.lang.Integer") && integers == null) {
                    integers = s;
                }
            }
            assertThat(integers).as(file + ": an Integer site").isNotNull();
            assertThat(integers.get("frame").get("method").asText()).isEqualTo("java.lang.Integer.valueOf");
            assertThat(integers.get("caller").get("method").asText()).isEqualTo(W + ".churn");
            for (JsonNode t : root.get("allocations").get("types")) {
                assertShape(t, TYPE, "$.allocations.types[]");
            }
            for (JsonNode t : root.get("threads")) {
                assertShape(t, THREAD, "$.threads[]");
            }
            // the numbers are the aggregates', not something else
            MethodStats.MethodStat top = MethodStats.of(p, EventKind.CPU).bySelf().get(0);
            JsonNode first = hot.get("methods").get(0);
            assertThat(first.get("method").asText()).isEqualTo(W + ".heavy").isEqualTo(top.method().displayName());
            assertThat(first.get("self").asLong()).isEqualTo(top.self());
            assertThat(hot.get("total").asLong()).isEqualTo(p.sampleCounts().get(EventKind.CPU));
        }
    }

    @Test
    void adviceJsonFollowsTheDocumentedSchema() throws Exception {
        Path classes = Path.of(ProfileWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path file : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            Profile p = ProfileReader.read(file);
            AdviceReport advice;
            try (ClassPath cp = ClassPath.builder().add(classes).problems(ProblemSink.collecting()).build()) {
                advice = new Advisor(cp, List.of(TestRules.EVERY_LOOP, TestRules.BOXING), Advisor.Options.defaults()).advise(p);
            }
            StringWriter out = new StringWriter();
            ProfileReport.write(p, ProfileReport.Format.JSON, out, ProfileReport.Options.defaults(), advice);
            JsonNode root = new ObjectMapper().readTree(out.toString());
            Map<String, String> top = new java.util.HashMap<>(TOP);
            top.put("advice", "array");
            top.put("adviceInfo", "object");
            assertShape(root, top, "$");
            assertThat(root.get("advice")).hasSize(advice.advice().size()).isNotEmpty();
            for (JsonNode a : root.get("advice")) {
                assertShape(a, ADVICE, "$.advice[]");
                assertShape(a.get("cost"), COST, "$.advice[].cost");
                assertShape(a.get("site"), ADVICE_SITE, "$.advice[].site");
                // what fixing the site can save is never more than its loop holds
                assertThat(a.get("site").get("percent").asDouble()).isLessThanOrEqualTo(a.get("cost").get("inclusivePercent").asDouble());
                assertThat(a.get("rankingPercent").asDouble()).isEqualTo(a.get("site").get("savingPercent").asDouble());
                assertShape(a.get("fix"), Map.of("before", "string", "after", "string"), "$.advice[].fix");
                assertThat(a.get("evidence")).isNotEmpty();
            }
            assertShape(root.get("adviceInfo"), ADVICE_INFO, "$.adviceInfo");
            JsonNode first = root.get("advice").get(0);
            assertThat(first.get("rank").asInt()).isEqualTo(1);
            assertThat(first.get("cost").get("inclusiveSamples").asLong()).isEqualTo(advice.advice().get(0).cost().inclusiveSamples());
            assertThat(root.get("adviceInfo").get("methodsAnalysed").toString()).contains(W + ".heavy(I)J");
        }
    }

    @Test
    void textFitsInHundredColumnsAndColoursOnlyWhenAsked() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        String plain = text(p, ProfileReport.Options.defaults());
        assertThat(plain.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(plain).doesNotContain("\u001b[").contains("Sampler: async-profiler", "Hot methods (cpu", "Top allocation sites", "java.lang.Integer");
        // the hottest method is the first row under the table header
        List<String> lines = plain.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.contains("self%")).findFirst().orElseThrow());
        assertThat(lines.get(header + 1)).endsWith(W + ".heavy(int)");
        assertThat(lines.get(header + 2)).contains("lines: ");
        String coloured = text(p, ProfileReport.Options.defaults().withColor(true));
        assertThat(coloured).contains("\u001b[1m");
    }

    @Test
    void rankingKindCanBeChosen() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        JsonNode root = json(p, ProfileReport.Options.defaults().withKind(EventKind.ALLOC));
        assertThat(root.get("hotMethods").get("kind").asText()).isEqualTo("alloc");
        assertThat(root.get("hotMethods").get("unit").asText()).isEqualTo("bytes");
        assertThat(root.get("hotMethods").get("total").asLong()).isEqualTo(root.get("allocations").get("bytes").asLong());
    }

    private static JsonNode json(Profile p) throws Exception {
        return json(p, ProfileReport.Options.defaults());
    }

    private static JsonNode json(Profile p, ProfileReport.Options options) throws Exception {
        StringWriter out = new StringWriter();
        ProfileReport.write(p, ProfileReport.Format.JSON, out, options);
        return new ObjectMapper().readTree(out.toString());
    }

    private static String text(Profile p, ProfileReport.Options options) {
        StringWriter out = new StringWriter();
        ProfileReport.write(p, ProfileReport.Format.TEXT, out, options);
        return out.toString();
    }

    private static void assertShape(JsonNode node, Map<String, String> fields, String path) {
        assertThat(node.isObject()).as(path).isTrue();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String where = path + "." + f.getKey();
            assertThat(node.has(f.getKey())).as(where + " is present").isTrue();
            JsonNode v = node.get(f.getKey());
            String type = f.getValue();
            if (type.endsWith("?") && v.isNull()) {
                continue;
            }
            switch (type.replace("?", "")) {
                case "string" -> assertThat(v.isTextual()).as(where + " is a string").isTrue();
                case "number" -> assertThat(v.isNumber()).as(where + " is a number").isTrue();
                case "object" -> assertThat(v.isObject()).as(where + " is an object").isTrue();
                case "array" -> assertThat(v.isArray()).as(where + " is an array").isTrue();
                default -> throw new AssertionError(type);
            }
        }
        // a field the schema does not document would be an unannounced change
        node.fieldNames().forEachRemaining(n -> assertThat(fields).as(path + " documents " + n).containsKey(n));
    }
}
