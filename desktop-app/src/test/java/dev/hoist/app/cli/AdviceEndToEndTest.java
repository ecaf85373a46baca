package dev.hoist.app.cli;

import dev.hoist.app.testing.AdviceRecordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advisor on real recordings of the demo workload and of anti-pattern programs: the planted
 * anti-patterns are found, ranked by their planted cost, confirmed by profile evidence, and
 * {@code hoist report} prints the same advice as the advisor computes in process.
 */
class AdviceEndToEndTest {
    static Path demo;
    static Path classes;
    static List<Rule> rules;

    @BeforeAll
    static void record() throws Exception {
        demo = AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7);
        classes = AdviceRecordings.workloadClasses();
        rules = List.copyOf(RuleRegistry.load().all());
    }

    static AdviceReport advise(Path recording, String classPath) {
        return ReportCommand.advise(ProfileReader.read(recording), classPath, false, null, rules,
                new PrintWriter(new StringWriter()));
    }

    /** The rank of the first advice for a planted anti-pattern, or -1. */
    static int rankOf(AdviceReport r, String rule, String className, String method) {
        return r.advice().stream()
                .filter(a -> a.finding().rule().equals(rule) && a.finding().className().equals(className)
                        && a.finding().method().equals(method))
                .mapToInt(Advice::rank).findFirst().orElse(-1);
    }

    @Test
    void demoPlantedAntiPatternsAreFoundAndEachIsMeasuredAtItsOwnSite() {
        AdviceReport r = advise(demo, classes.toString());
        for (Catalog.Planted p : Catalog.DEMO) {
            int rank = rankOf(r, p.ruleId(), p.className(), p.method());
            assertThat(rank).as("%s in %s.%s among %s", p.ruleId(), p.className(), p.method(), summary(r)).isPositive();
            Advice a = r.advice().get(rank - 1);
            // every planted anti-pattern sits in a hot loop: each is confirmed by what the profile saw at its site
            assertThat(a.confidence()).as(a.evidence().toString()).isEqualTo(Confidence.HIGH);
            assertThat(a.evidence()).as(p.ruleId()).anyMatch(e -> e.startsWith("confirmed: "));
            assertThat(a.site().samples()).isPositive();
            // the number shown is what the site costs, never more than its loop holds
            assertThat(a.site().samples()).isLessThanOrEqualTo(a.cost().inclusiveSamples());
            assertThat(a.site().allocBytes()).isLessThanOrEqualTo(a.cost().allocBytes());
        }
        // the demo plants four wastes and nothing else is advised: no trivia rides on a hot loop's share
        assertThat(r.advice()).as(summary(r)).hasSize(Catalog.DEMO.size());
        // the parse loop holds about half the time, but the two substrings the advice removes are a fraction of it
        Advice copy = r.advice().get(rankOf(r, "copy-in-loop", Catalog.DEMO.get(0).className(), "parse") - 1);
        assertThat(copy.site().timeShare()).as(summary(r)).isLessThan(copy.cost().inclusiveShare() / 2);
        // ranked by what fixing each site can save, and its severity says the same: high from 5%, low or info under 1%
        for (int i = 1; i < r.advice().size(); i++) {
            assertThat(r.advice().get(i - 1).rankingShare()).isGreaterThanOrEqualTo(r.advice().get(i).rankingShare());
        }
        for (Advice a : r.advice()) {
            dev.hoist.core.rule.Severity sev = a.finding().severity();
            if (a.rankingShare() >= 0.05) assertThat(sev).as(summary(r)).isEqualTo(dev.hoist.core.rule.Severity.HIGH);
            if (a.rankingShare() < 0.01) assertThat(sev).as(summary(r)).isIn(dev.hoist.core.rule.Severity.LOW, dev.hoist.core.rule.Severity.INFO);
        }
        assertThat(r.advice()).as(summary(r)).anyMatch(a -> a.finding().severity() == dev.hoist.core.rule.Severity.HIGH);
        // one advice per rule and loop: the demo's parse loop has several substring copies
        assertThat(r.advice()).extracting(a -> a.finding().className() + "." + a.finding().method() + " "
                + a.finding().rule() + " " + java.util.Arrays.toString(a.finding().loopLines())).doesNotHaveDuplicates();
    }

    /**
     * A clean hot loop whose five wastes sit one or two calls below it (ImportJob): each is advised
     * where it is, measured at its own site, and the advice for a method without loops names the
     * caller's loop that repeats it.
     */
    @Test
    void wastesBelowTheLoopAreAdvisedAtTheCalleeWithTheCallersLoop() throws Exception {
        String job = "dev.hoist.workloads.callees.ImportJob";
        AdviceReport r = advise(AdviceRecordings.asyncProfiler(job, 6), classes.toString());
        record Waste(String rule, String method, boolean viaRun) {
        }
        List<Waste> planted = List.of(new Waste("format-in-loop", job + "$Audit.label", true),
                new Waste("boxing-in-loop", job + "$Tally.add", true),
                new Waste("unsized-collection", job + "$Tokens.split", false),
                new Waste("invariant-call-in-loop", job + ".run", false),
                new Waste("copy-in-loop", job + "$Fields.amount", true));
        for (Waste w : planted) {
            Advice a = r.advice().stream().filter(x -> x.finding().rule().equals(w.rule())
                    && (x.finding().className() + "." + x.finding().method()).equals(w.method()))
                    .findFirst().orElseThrow(() -> new AssertionError(w + " not advised in " + summary(r)));
            assertThat(a.site().sampled()).as(w.toString()).isTrue();
            if (w.viaRun()) {
                assertThat(a.via()).as(w + ": " + a.evidence()).isNotNull();
                assertThat(a.via().className() + "." + a.via().method()).isEqualTo(job + ".run");
                assertThat(a.evidence()).anyMatch(e -> e.startsWith("called on every iteration of the loop at lines "));
            }
        }
        // String.format two calls down costs most: its advice comes first, and claims the format call, not its argument array
        Advice top = r.advice().get(0);
        assertThat(top.finding().rule() + " " + top.finding().method()).as(summary(r)).isEqualTo("format-in-loop label");
        assertThat(top.site().timeShare()).isGreaterThan(0.2);
        // the settings getter's advice is at the caller, where its result can be hoisted
        Advice getter = r.advice().stream().filter(x -> x.finding().rule().equals("invariant-call-in-loop")).findFirst().orElseThrow();
        assertThat(getter.finding().message()).contains("settings.maxAmount()");
        // the printf behind a flag that is never set is found by the rules but never ran: not advised, only counted
        assertThat(r.advice()).noneMatch(x -> x.finding().rule().equals("format-in-loop") && x.finding().method().equals("run"));
        assertThat(r.hiddenUnsampled()).isPositive();
        AdviceReport all = ReportCommand.advise(ProfileReader.read(AdviceRecordings.asyncProfiler(job, 6)), classes.toString(), true,
                null, rules, new PrintWriter(new StringWriter()));
        assertThat(all.advice()).anyMatch(x -> x.finding().rule().equals("format-in-loop") && x.finding().method().equals("run"));
    }

    /** Four implementations on the class path, two at run time: the profile overrules the megamorphic finding. */
    @Test
    void aSiteThatSawTwoReceiversGetsNoMegamorphicAdvice() throws Exception {
        String main = "dev.hoist.workloads.probe.Bimorphic";
        Path rec = AdviceRecordings.asyncProfiler(main, 5);
        AdviceReport r = advise(rec, classes.toString());
        assertThat(r.advice()).as(summary(r)).noneMatch(a -> a.finding().rule().equals("megamorphic-call-in-loop"));
        assertThat(r.contradicted()).as(summary(r)).isPositive();
        AdviceReport all = ReportCommand.advise(ProfileReader.read(rec), classes.toString(), true, null, rules,
                new PrintWriter(new StringWriter()));
        Advice mega = all.advice().stream().filter(a -> a.finding().rule().equals("megamorphic-call-in-loop")
                && a.finding().method().equals("total")).findFirst().orElseThrow(() -> new AssertionError(summary(all)));
        assertThat(mega.evidence()).anyMatch(e -> e.startsWith("contradicted: the profile saw only ")
                && e.contains("Bimorphic$Circle") && e.contains("Bimorphic$Square"));
    }

    /** An object built per call of a hot path that holds most of the allocated bytes gets a notice naming it and its builder. */
    @Test
    void anObjectBuiltPerCallThatHoldsMostBytesIsCalledOut() throws Exception {
        AdviceReport r = advise(AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.RuleEvaluation", 4), classes.toString());
        assertThat(r.notices()).as(r.notices().toString())
                .anyMatch(n -> n.startsWith("building RuleEvaluation$ErrorReporter objects in dev.hoist.workloads.callees.RuleEvaluation.evaluate")
                        && n.contains("char[]") && n.contains("reuse"));
        assertThat(r.notices()).noneMatch(n -> n.startsWith("the JIT compiler threads"));
    }

    /** Time inside the JDK's decimal conversion is named by the program's calls that lead there, with what can change. */
    @Test
    void timeInTheJdksOwnCodeNamesTheCallThatLeadsThere() throws Exception {
        AdviceReport r = advise(AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.QuoteFeed", 4), classes.toString());
        assertThat(r.notices()).as(r.notices().toString())
                // the line's substring goes with it: Double.parseDouble has no range overload, so that copy is not advice
                .anyMatch(n -> n.contains("samples are in the JDK's own code, parsing decimal text, under java.lang.Double.parseDouble")
                        && n.contains("called from dev.hoist.workloads.callees.QuoteFeed.price line ") && n.contains("FastDoubleParser"))
                .anyMatch(n -> n.contains("formatting floating-point numbers as text")
                        && n.contains("called from dev.hoist.workloads.callees.QuoteFeed.total line ") && n.contains("JDK 19"));
        // a program whose time is its own gets no such notice
        assertThat(advise(AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.RuleEvaluation", 4), classes.toString())
                .notices()).noneMatch(n -> n.contains("JDK's own code"));
    }

    /**
     * Writes into a StringWriter from many small methods: no call holds a tenth of the time, all of
     * them do, and the notice names the lock StringBuffer takes on every call. The three-element
     * list filled per event never grows past its first array: the profile contradicts sizing it.
     */
    @Test
    void lockingSpreadOverManyCallsIsNamedAndAListThatNeverGrowsIsNotAdvised() throws Exception {
        Path rec = AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.EventLog", 4);
        AdviceReport r = advise(rec, classes.toString());
        assertThat(r.notices()).as(r.notices().toString())
                .anyMatch(n -> n.contains("taking a lock on every call") && n.contains("java.io.StringWriter.write")
                        && n.contains("dev.hoist.workloads.callees.EventLog.") && n.contains("StringBuilder"));
        assertThat(r.advice()).as(summary(r)).noneMatch(a -> a.finding().rule().equals("unsized-collection"));
        AdviceReport all = ReportCommand.advise(ProfileReader.read(rec), classes.toString(), true, null, rules,
                new PrintWriter(new StringWriter()));
        Advice unsized = all.advice().stream().filter(a -> a.finding().rule().equals("unsized-collection")
                && a.finding().method().equals("fields")).findFirst().orElseThrow(() -> new AssertionError(summary(all)));
        assertThat(unsized.evidence()).anyMatch(e -> e.startsWith("contradicted: ") && e.contains("first backing array"));
    }

    /** Patterns compiled once and matched per line: the notice is about the matching, not "compile it once" (SnakeYAML's Resolver). */
    @Test
    void timeInPrecompiledRegexMatchingIsNotToldToCompileOnce() throws Exception {
        AdviceReport r = advise(AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.LogGrep", 4), classes.toString());
        assertThat(r.notices()).as(r.notices().toString())
                .anyMatch(n -> n.contains("matching regular expressions") && n.contains("dev.hoist.workloads.callees.LogGrep.")
                        && n.contains("compiled already"))
                .noneMatch(n -> n.contains("compile each pattern once"));
        // PATTERN.matcher(line).find() is one expression to change: its line is named once, with every JDK method it enters
        String regex = r.notices().stream().filter(n -> n.contains("matching regular expressions")).findFirst().orElseThrow();
        java.util.List<String> lines = java.util.regex.Pattern.compile("from (\\S+ line \\d+)").matcher(regex).results()
                .map(m -> m.group(1)).toList();
        assertThat(lines).as(regex).isNotEmpty().doesNotHaveDuplicates();
    }

    /**
     * A Reader read one char per call is named as such, with the block read as the cure (org.json's
     * JSONTokener over a StringReader); a DecimalFormat's own StringBuffer is formatting work, not a
     * lock the program could remove (FreeMarker's number formatting was told to use a StringBuilder).
     */
    @Test
    void readingCharByCharAndTextFormattingAreNamedForWhatTheProgramAsked() throws Exception {
        AdviceReport r = advise(AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.CharTokens", 4), classes.toString());
        assertThat(r.notices()).as(r.notices().toString())
                .anyMatch(n -> n.contains("reading a java.io Reader one call at a time") && n.contains("java.io.StringReader.read")
                        && n.contains("dev.hoist.workloads.callees.CharTokens.words") && n.contains("read(char[], int, int)"))
                .anyMatch(n -> n.contains("java.text formatting") && n.contains("dev.hoist.workloads.callees.CharTokens.prices"))
                .noneMatch(n -> n.contains("taking a lock on every call") && n.contains("CharTokens.prices"));
    }

    /**
     * A parse tried in a try whose inputs always parse builds no exception: checking the text first
     * saves nothing, so the advice is not shown, and with --all the profile says why.
     */
    @Test
    void aParseThatNeverFailsIsNotAdvisedAsExceptionsForControlFlow() throws Exception {
        Path rec = AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.NumberCells", 4);
        AdviceReport r = advise(rec, classes.toString());
        assertThat(r.advice()).as(summary(r)).noneMatch(a -> a.finding().rule().equals("exception-in-loop"));
        AdviceReport all = ReportCommand.advise(ProfileReader.read(rec), classes.toString(), true, null, rules,
                new PrintWriter(new StringWriter()));
        Advice parse = all.advice().stream().filter(a -> a.finding().rule().equals("exception-in-loop")
                && a.finding().className().endsWith("NumberCells")).findFirst()
                .orElseThrow(() -> new AssertionError(summary(all)));
        assertThat(parse.rankingShare()).as(summary(all)).isLessThan(0.001);
        assertThat(parse.evidence()).as(summary(all)).anyMatch(e -> e.contains("built no exception"));
    }

    /** A caller spinning on Thread.yield until a worker is done is told to block instead (opencsv 5's parse()). */
    @Test
    void aThreadSpinningOnYieldIsToldToBlock() throws Exception {
        AdviceReport r = advise(AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.SpinWait", 4), classes.toString());
        assertThat(r.notices()).as(r.notices().toString())
                .anyMatch(n -> n.contains("spinning") && n.contains("java.lang.Thread.yield")
                        && n.contains("dev.hoist.workloads.callees.SpinWait.awaitResult") && n.contains("BlockingQueue.take"));
    }

    /** A profile the JIT compiler dominates says so, instead of advising on what little the program itself ran. */
    @Test
    void aProfileTheJitDominatesSaysSo() throws Exception {
        // -Xcomp compiles every method before it first runs: the compiler threads take most of the cpu
        Path rec = AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.RuleEvaluation", 3, List.of("-Xcomp"));
        AdviceReport r = advise(rec, classes.toString());
        assertThat(r.notices()).as(r.notices().toString()).anyMatch(n -> n.startsWith("the JIT compiler threads took ")
                && n.contains("jdk.Deoptimization"));
    }

    @Test
    void megamorphicEvidenceNamesTheReceiverClassesTheProfileSaw() {
        AdviceReport r = advise(demo, classes.toString());
        Catalog.Planted mega = Catalog.DEMO.get(1);
        Advice a = r.advice().get(rankOf(r, mega.ruleId(), mega.className(), mega.method()) - 1);
        assertThat(a.evidence()).anyMatch(e -> e.contains("receiver implementations") && e.contains("TierDiscount")
                && e.contains("BulkDiscount") && e.contains("RegionTax") && e.contains("CharmRounding"));
    }

    @Test
    void theFixesAreWrittenInTheDemosOwnSourceFoundBesideItsClasses() {
        // classes from a Maven project's target/classes: its src/main/java is found without --source
        Path projectClasses = Path.of("../sample-workloads/target/classes").toAbsolutePath().normalize();
        assertThat(projectClasses.resolve("dev/hoist/workloads/demo/OrderFeed.class")).exists();
        MainTest.Result out = MainTest.run("report", demo.toString(), "--classpath", projectClasses.toString());
        assertThat(out.code()).as(out.err()).isZero();
        assertThat(out.out()).contains(
                "      for (int i = 0; i < lines.length; i++) {\n          ...\n          Integer.parseInt(line.substring(c3 + 1, c4)),",
                "      for (int i = 0; i < lines.length; i++) {\n          ...\n          Integer.parseInt(line, c3 + 1, c4, 10),",
                "totals.computeIfAbsent(orders[i].region(), k -> new long[1])[0] += prices[i] /* totals now maps to long[] */;",
                "summaryBuilder.append(orders[i].id()).append(\"=\").append(prices[i]).append(\";\");",
                // the classes that implement PriceRule.apply, read from the class path, one type test each
                "          if (priceRule instanceof PriceRule.BulkDiscount t1) {\n              cents = t1.apply(order, cents);",
                "          } else {\n              cents = priceRule.apply(order, cents);");
    }

    @Test
    void withoutTheClassPathTheAdviceSaysWhichMethodsItCouldNotRead() {
        AdviceReport r = advise(demo, null);
        assertThat(r.advice()).isEmpty();
        assertThat(r.unavailable()).anyMatch(u -> u.startsWith("dev.hoist.workloads.demo.OrderFeed.parse: ") && u.contains("pass --classpath"));
        MainTest.Result out = MainTest.run("report", demo.toString());
        assertThat(out.code()).as(out.err()).isZero();
        assertThat(out.out()).contains("Not analyzed (bytes unavailable):", "OrderFeed.parse: class bytes not found");
    }

    @Test
    void aRecordingOpensWithTheClassPathHoistProfileWroteBesideIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = dir.resolve("demo.jfr");
        java.nio.file.Files.copy(demo, copy);
        dev.hoist.core.session.RecordingSidecar.write(copy, new dev.hoist.core.session.SessionArchive.Meta(
                dev.hoist.core.session.RecordingSidecar.SCHEMA, "DemoMain", "1 DemoMain", null, List.of("cpu"),
                classes.toString(), List.of(), "demo.jfr", 0));
        MainTest.Result out = MainTest.run("report", copy.toString());
        assertThat(out.code()).as(out.err()).isZero();
        assertThat(out.err()).contains("advising with the class path recorded in demo.jfr.hoist.json");
        assertThat(out.out()).doesNotContain("OrderFeed.parse: class bytes not found").contains("OrderFeed.parse");
    }

    @Test
    void reportPrintsTheSameAdviceAsTheAdvisorInTextAndJson() throws Exception {
        AdviceReport r = advise(demo, classes.toString());
        MainTest.Result text = MainTest.run("report", demo.toString(), "--classpath", classes.toString());
        assertThat(text.code()).as(text.err()).isZero();
        String out = text.out();
        assertThat(out.indexOf("Hot methods")).isLessThan(out.indexOf("Advice ("));
        int from = out.indexOf("Advice (");
        for (Advice a : r.advice()) {
            String head = "#" + a.rank() + "  ";
            int at = out.indexOf(head, from);
            assertThat(at).as(head).isPositive();
            assertThat(out.substring(at, out.indexOf('\n', at))).contains(a.finding().rule());
            from = at;
        }

        MainTest.Result json = MainTest.run("report", demo.toString(), "--classpath", classes.toString(), "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode advice = new ObjectMapper().readTree(json.out()).get("advice");
        assertThat(advice.size()).isEqualTo(r.advice().size());
        for (int i = 0; i < advice.size(); i++) {
            Advice a = r.advice().get(i);
            JsonNode o = advice.get(i);
            assertThat(o.get("rank").asInt()).isEqualTo(a.rank());
            assertThat(o.get("rule").asText()).isEqualTo(a.finding().rule());
            assertThat(o.get("class").asText()).isEqualTo(a.finding().className());
            assertThat(o.get("line").asInt()).isEqualTo(a.finding().line());
            assertThat(o.get("cost").get("inclusiveSamples").asLong()).isEqualTo(a.cost().inclusiveSamples());
            assertThat(o.get("confidence").asText()).isEqualTo(a.confidence().name().toLowerCase());
        }
    }

    @Test
    void sarifCarriesTheRankedAdviceWithItsShare() throws Exception {
        MainTest.Result sarif = MainTest.run("report", demo.toString(), "--classpath", classes.toString(), "--format", "sarif");
        assertThat(sarif.code()).as(sarif.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(sarif.out()).get("runs").get(0);
        JsonNode first = run.get("results").get(0);
        AdviceReport r = advise(demo, classes.toString());
        Advice top = r.advice().get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo(top.finding().rule());
        assertThat(first.get("properties").get("savingPercent").asDouble()).isGreaterThan(5)
                .isLessThanOrEqualTo(first.get("properties").get("loopInclusivePercent").asDouble() + 1);
        // the demo's classes were built in this checkout: the location is the source's path from the repository's root
        JsonNode where = first.get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertThat(where.get("uri").asText()).isEqualTo("sample-workloads/src/main/java/"
                + top.finding().className().substring(0, top.finding().className().lastIndexOf('.') + 1).replace('.', '/')
                + top.finding().file());
        assertThat(where.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        // more than 5% of the recording saved: an error to code scanning, whatever the rule's static severity
        assertThat(first.get("level").asText()).isEqualTo("error");
        for (JsonNode result : run.get("results")) {
            double saving = result.at("/properties/savingPercent").asDouble();
            if (Math.abs(saving - 5) < 0.1 || Math.abs(saving - 1) < 0.1) {
                continue; // rounded to one decimal: too close to a threshold to say which side it was on
            }
            assertThat(result.get("level").asText()).as(result.toString())
                    .isEqualTo(saving >= 5 ? "error" : saving >= 1 ? "warning" : "note");
        }
        assertThat(run.get("tool").get("driver").get("rules").size()).isEqualTo(rules.size());
    }

    @Test
    void unsizedCollectionIsConfirmedByHashMapResize() throws Exception {
        Catalog.Pair pair = pair("unsized-collection");
        AdviceReport r = advise(AdviceRecordings.asyncProfiler(pair.antiPatternClass(), 4), classes.toString());
        Advice a = r.advice().stream().filter(x -> x.finding().rule().equals(pair.ruleId())
                && x.finding().method().equals(pair.hotMethod())).findFirst().orElseThrow(() -> new AssertionError(summary(r)));
        assertThat(a.confidence()).as(a.evidence().toString()).isEqualTo(Confidence.HIGH);
        assertThat(a.evidence()).anyMatch(e -> e.startsWith("confirmed: ") && e.contains("HashMap.resize"));
    }

    @Test
    void boxingIsConfirmedByValueOfAllocations() throws Exception {
        Catalog.Pair pair = pair("boxing-in-loop");
        AdviceReport r = advise(AdviceRecordings.asyncProfiler(pair.antiPatternClass(), 4), classes.toString());
        Advice a = r.advice().stream().filter(x -> x.finding().rule().equals(pair.ruleId())
                && x.finding().method().equals(pair.hotMethod())).findFirst().orElseThrow(() -> new AssertionError(summary(r)));
        assertThat(a.confidence()).as(a.evidence().toString()).isEqualTo(Confidence.HIGH);
        assertThat(a.evidence()).anyMatch(e -> e.startsWith("confirmed: ") && e.contains("Long.valueOf"));
        assertThat(a.site().allocShare()).isGreaterThan(0);
        assertThat(a.cost().allocShare()).isGreaterThan(0);
    }

    /**
     * Each evidence rule on the recording of its anti-pattern program: what the profile saw moves
     * the confidence, and the evidence line says what it saw.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "uninlinable-call-in-loop | HIGH | ran as a real call (not inlined)",
            "tuple-allocation-in-loop | HIGH | allocation samples of Graph$Span",
            "megamorphic-call-in-loop | HIGH | the profile saw 4 receiver implementations",
            "reflection-in-loop       | HIGH | Method.invoke sampled under the call site",
            "invariant-field-in-loop  | MEDIUM | a volatile read of hotThreshold, which C2 cannot move a load across",
            "copy-in-loop             | HIGH | String.substring at the site"})
    void evidenceOnEachAntiPatternProgram(String rule, Confidence expected, String evidence) throws Exception {
        Catalog.Pair pair = pair(rule);
        AdviceReport r = advise(AdviceRecordings.asyncProfiler(pair.antiPatternClass(), 3), classes.toString());
        Advice a = r.advice().stream().filter(x -> x.finding().rule().equals(rule) && x.finding().method().equals(pair.hotMethod())
                && x.finding().className().equals(pair.antiPatternClass())).findFirst().orElseThrow(() -> new AssertionError(summary(r)));
        assertThat(a.evidence()).as(summary(r)).anyMatch(e -> e.contains(evidence));
        assertThat(a.confidence()).as(a.evidence().toString()).isEqualTo(expected);
        // in a 3 s run the program's own data generation at startup (interpreted, in a helper class) can outweigh it;
        // within the anti-pattern class the planted loop comes first
        Advice firstInClass = r.advice().stream().filter(x -> x.finding().className().equals(pair.antiPatternClass()))
                .findFirst().orElseThrow();
        assertThat(firstInClass.finding().rule()).as(summary(r)).isEqualTo(rule);
    }

    /**
     * A record a callee returns (FlatField's correct() returns FrameStats once per pass) is paid inside
     * the callee: the advice claims the call's own cost, not the whole pass the call does.
     */
    @Test
    void aTupleReturnedByACalleeClaimsTheCallNotTheCalleesWork() throws Exception {
        Catalog.Pair pair = pair("invariant-field-in-loop");
        AdviceReport r = advise(AdviceRecordings.asyncProfiler(pair.antiPatternClass(), 3), classes.toString());
        List<Advice> returned = r.advice().stream().filter(a -> a.finding().rule().equals("tuple-allocation-in-loop")
                && a.finding().message().contains("returns a freshly allocated")).toList();
        for (Advice a : returned) {
            assertThat(a.rankingShare()).as(summary(r)).isLessThan(0.05);
            assertThat(a.evidence()).as(summary(r)).anyMatch(e -> e.contains("in the call itself"));
        }
    }

    @Test
    void worksOnTheJdkFlightRecorderToo() throws Exception {
        AdviceReport r = advise(AdviceRecordings.jdk(Catalog.DEMO_MAIN, 6), classes.toString());
        assertThat(r.advice()).as(summary(r)).isNotEmpty();
        // the top advice is one of the planted wastes, not something riding on a hot loop
        assertThat(Catalog.DEMO).as(summary(r)).anyMatch(p -> p.ruleId().equals(r.advice().get(0).finding().rule())
                && p.className().equals(r.advice().get(0).finding().className()));
        for (Catalog.Planted p : Catalog.DEMO.subList(0, 3)) {
            assertThat(rankOf(r, p.ruleId(), p.className(), p.method())).as(p + " in " + summary(r)).isPositive();
        }
    }

    private static Catalog.Pair pair(String rule) {
        return Catalog.PAIRS.stream().filter(p -> p.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    private static String summary(AdviceReport r) {
        StringBuilder b = new StringBuilder();
        for (Advice a : r.advice()) {
            b.append(String.format("%n#%d %.1f%% %s %s.%s:%d %s %s", a.rank(), a.rankingShare() * 100, a.finding().rule(),
                    a.finding().className(), a.finding().method(), a.finding().line(), a.confidence(), a.evidence()));
        }
        b.append("\nunavailable: ").append(r.unavailable());
        return b.toString();
    }
}
