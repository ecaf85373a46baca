package dev.hoist.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.facts.Boxing;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real recording of a child JVM whose class and method names hold quotes and
 * ampersands (legal in JVM names, impossible in Java source: the class is compiled, then renamed in
 * its constant pool) and whose thread is named {@code </script><script>alert("x&y")</script>}.
 */
class HtmlReportTest {
    static final String THREAD = "</script><script>alert(\"x&y\")</script>\u2028";
    static final String CLASS = "hostile.Q\"uote&Amp'Apos";
    static final String METHOD = "run\"&'x";

    @TempDir
    static Path tmp;
    static Profile profile;
    static AdviceReport advice;
    static String html;

    /** Flags each loop that boxes: a real finding from the real facts, enough to fill the advice section. */
    static final Rule BOXING = new Rule() {
        @Override
        public String id() {
            return "boxing-in-loop";
        }

        @Override
        public String title() {
            return "Boxing in a loop";
        }

        @Override
        public String mechanism() {
            return "Escape analysis cannot remove a box that is stored in a collection <List>.";
        }

        @Override
        public List<Finding> check(MethodFacts facts) {
            List<Finding> out = new ArrayList<>();
            for (Loop loop : facts.loops()) {
                for (Boxing b : loop.boxings()) {
                    if (b.boxing()) {
                        out.add(Finding.at(this, facts, loop, b.insn())
                                .message(facts.methodName() + " boxes " + b.boxType() + " on every iteration")
                                .fix("list.add(i); // in " + facts.methodName(), "int[] values = new int[n]; </script>")
                                .build());
                    }
                }
            }
            return out;
        }
    };

    @BeforeAll
    static void recordAndWrite() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path src = Files.writeString(tmp.resolve("Victim.java"), """
                package hostile;
                public class Victim implements Runnable {
                    static volatile long sink;
                    static long end;
                    static long work(int n) {
                        java.util.List<Integer> list = new java.util.ArrayList<>();
                        long s = 0;
                        for (int i = 0; i < n; i++) {
                            list.add(i * 7);
                            s = s * 31 + (s >>> 7) + list.get(i);
                        }
                        return s + list.size();
                    }
                    public void run() {
                        while (System.currentTimeMillis() < end) {
                            sink += work(20_000);
                        }
                    }
                    public static void main(String[] args) throws Exception {
                        end = System.currentTimeMillis() + Long.parseLong(args[0]);
                        Thread t = new Thread(new Victim(), args[1]);
                        t.start();
                        t.join();
                    }
                }
                """);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
                tmp.resolve("javac").toString(), src.toString())).isZero();
        byte[] renamed = renameUtf8(Files.readAllBytes(tmp.resolve("javac/hostile/Victim.class")),
                Map.of("hostile/Victim", CLASS.replace('.', '/'), "Lhostile/Victim;", "L" + CLASS.replace('.', '/') + ";",
                        "work", METHOD, "Victim.java", "Q\"uote&Amp'Apos.java"));
        Path classFile = Files.createDirectories(classes.resolve("hostile")).resolve(CLASS.substring(8) + ".class");
        Files.write(classFile, renamed);

        Path jfr = tmp.resolve("hostile.jfr");
        try (ChildJvm p = ChildJvm.java().jvmArgs(Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", jfr))
                .classpath(classes).mainClass(CLASS).args("2500", THREAD).log(tmp.resolve("child.log")).start()) {
            assertThat(p.waitFor(Duration.ofSeconds(60))).isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
        }
        profile = ProfileReader.read(jfr);

        // real findings from the real bytes, joined to the recording's numbers for their loop
        try (ClassPath cp = ClassPath.builder().add(classes).build()) {
            Analysis.Result result = new Analysis(cp, List.of(BOXING)).analyze(List.of(renamed));
            List<Advice> list = new ArrayList<>();
            for (Finding f : result.findings()) {
                list.add(new Advice(list.size() + 1, f, cost(f), Confidence.HIGH,
                        List.of("Integer.valueOf sampled in " + f.method() + " <b>&amp;</b>")));
            }
            advice = new AdviceReport(list, List.of(CLASS + "." + METHOD + "(I)J"),
                    List.of("gen.Proxy$<script>: generated class, bytes not on disk"), 1);
        }
        StringWriter out = new StringWriter();
        HtmlReport.write(profile, advice, HtmlReport.Options.defaults(), out);
        html = out.toString();
        Files.writeString(tmp.resolve("report.html"), html);
    }

    static LoopCost cost(Finding f) {
        MethodRef ref = profile.methods().stream()
                .filter(m -> m.className().equals(f.className()) && m.name().equals(f.method())).findFirst().orElseThrow();
        BitSet bcis = new BitSet();
        for (int b : f.loopBcis()) {
            bcis.set(b);
        }
        MethodQuery q = MethodQuery.of(profile, ref);
        MethodQuery.LoopSamples cpu = q.samples(EventKind.CPU, bcis);
        long allocBytes = q.allocationsByType(bcis).stream().mapToLong(MethodQuery.AllocStat::bytes).sum();
        long allocSamples = q.allocationsByType(bcis).stream().mapToLong(MethodQuery.AllocStat::samples).sum();
        Map<EventKind, Long> counts = profile.sampleCounts();
        long totalAlloc = 0;
        for (int i = 0; i < profile.size(); i++) {
            if (profile.kind(i) == EventKind.ALLOC) {
                totalAlloc += profile.weight(i);
            }
        }
        return new LoopCost("cpu", cpu.self(), cpu.inclusive(), counts.get(EventKind.CPU), allocSamples, allocBytes, totalAlloc);
    }

    @Test
    void theRecordingReallyHasTheHostileNames() {
        assertThat(profile.methods()).anyMatch(m -> m.className().equals(CLASS) && m.name().equals(METHOD));
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < profile.threadCount(); i++) {
            threads.add(profile.threadName(i));
        }
        assertThat(threads).contains(THREAD);
        assertThat(advice.advice()).isNotEmpty();
        assertThat(advice.advice().get(0).cost().inclusiveSamples()).isPositive();
    }

    @Test
    void nothingFromTheTargetEndsUpAsMarkup() {
        // only our own two script elements, and no raw target text anywhere
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(count(html, "</script>")).isEqualTo(2);
        assertThat(html).doesNotContain("alert(\"x&y\")", "<script>alert", "<b>&amp;</b>", CLASS, METHOD);
        // the names are shown, escaped for HTML text
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;");
        assertThat(html).contains("hostile.Q&quot;uote&amp;Amp&#39;Apos.run&quot;&amp;&#39;x");
        assertThat(html).contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"); // evidence text
        assertThat(html).contains("int[] values = new int[n]; &lt;/script&gt;"); // fix code
        assertThat(html).contains("gen.Proxy$&lt;script&gt;");
        assertThat(html).contains("collection &lt;List&gt;"); // mechanism
    }

    @Test
    void bidirectionalOverridesAndControlsAreShownNotObeyed() throws Exception {
        // U+202E makes what follows render reversed: "evil\u202Etxt.exe" would show as "evilexe.txt"
        String name = "evil\u202etxt.exe\u0007";
        assertThat(Html.text(name)).isEqualTo("evil\\u202etxt.exe\\u0007").doesNotContain("\u202e", "\u0007");
        StringBuilder json = new StringBuilder();
        HtmlData.jsonString(json, name);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString()).asText())
                .as("what the page's script reads").isEqualTo("evil\\u202etxt.exe\\u0007");
        assertThat(Html.text("line\n\tcode")).isEqualTo("line\n\tcode");
    }

    @Test
    void embeddedDataParsesBackToTheTargetsNames() throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"hoist-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        String json = m.group(1);
        assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028");
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> threads = new ArrayList<>();
        root.get("threads").forEach(t -> threads.add(t.asText()));
        assertThat(threads).contains(THREAD);
        List<String> names = new ArrayList<>();
        root.get("flame").get("names").forEach(n -> names.add(n.asText()));
        assertThat(names).contains(CLASS + "." + METHOD);
        // the flame graph's root is as wide as all cpu samples, and the hostile method is in it
        JsonNode frames = root.get("flame").get("frames");
        assertThat(frames.get(0).get(2).asLong()).isEqualTo(profile.sampleCounts().get(EventKind.CPU));
        int hostile = names.indexOf(CLASS + "." + METHOD);
        boolean found = false;
        for (JsonNode f : frames) {
            found |= f.get(4).asInt() == hostile && f.get(2).asLong() > 0;
        }
        assertThat(found).isTrue();
        assertThat(root.get("timeline").get("samples").size()).isPositive();
        // the allocation flame graph: as wide as all allocated bytes, with the loop's method in it
        long allocBytes = 0;
        for (int i = 0; i < profile.size(); i++) {
            if (profile.kind(i) == EventKind.ALLOC) {
                allocBytes += profile.weight(i);
            }
        }
        JsonNode alloc = root.get("allocFlame");
        assertThat(alloc.get("frames").get(0).get(2).asLong()).isEqualTo(allocBytes);
        List<String> allocNames = new ArrayList<>();
        alloc.get("names").forEach(n -> allocNames.add(n.asText()));
        assertThat(allocNames).contains(CLASS + "." + METHOD);
    }

    @Test
    void reportHasEverySectionAndNeedsNoNetwork() {
        assertThat(html).contains("id=\"flame\"", "id=\"advice\"", "id=\"hot\"", "id=\"alloc\"", "id=\"threads\"", "id=\"timeline\"");
        assertThat(html).contains("<svg", "class=\"before\"", "class=\"after\"", "1 finding(s) at sites without samples");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\(");
        // the hot method table lists the loop's method near the top with its share
        int hot = html.indexOf("id=\"hot-table\"");
        assertThat(html.indexOf("run&quot;&amp;&#39;x", hot)).isPositive();
    }

    @Test
    void aProfileWithoutAdviceStillRenders() {
        String plain = HtmlReport.render(profile, null, HtmlReport.Options.defaults());
        assertThat(plain).contains("No advice for this recording");
        assertThat(count(plain, "<script")).isEqualTo(2);
    }

    @Test
    void aJdkFlightRecorderRecordingRendersToo() throws Exception {
        Profile jdk = ProfileReader.read(dev.hoist.core.profile.Recordings.jdk());
        String page = HtmlReport.render(jdk, null, HtmlReport.Options.defaults());
        assertThat(page).contains("jdk-jfr", "dev.hoist.core.profile.ProfileWorkload.heavy", "<svg");
        Matcher m = Pattern.compile("id=\"hoist-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        JsonNode root = new ObjectMapper().readTree(m.group(1));
        assertThat(root.get("flame").get("frames").get(0).get(2).asLong()).isEqualTo(jdk.sampleCounts().get(EventKind.CPU));
    }

    @Test
    void collapsedStacksCanCarryAnyTextAndItStaysText() throws Exception {
        // collapsed stacks are plain text from anywhere: frame names may hold what JVM names cannot
        Path stacks = Files.writeString(tmp.resolve("hostile.collapsed"),
                "main;a.B.<script>alert(1)</script>_[j];x.Y.</script><img src=x onerror=alert(2)>_[i] 7\nmain;a.B.c 3\n");
        Profile p = ProfileReader.read(stacks);
        String page = HtmlReport.render(p, null, HtmlReport.Options.defaults());
        assertThat(count(page, "<script")).isEqualTo(2);
        assertThat(page).doesNotContain("<img", "<script>alert");
        assertThat(page).contains("This recording has no timestamps.");
        Matcher m = Pattern.compile("id=\"hoist-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(m.group(1)).get("flame").get("names").forEach(n -> names.add(n.asText()));
        // the reader takes "(...)" for a descriptor; the name before it must come back exactly
        assertThat(names).contains("a.B.<script>alert", "x.Y.</script><img src=x onerror=alert");
    }

    @Test
    void jsonStringsRoundTripEveryAwkwardCharacter() throws Exception {
        String nasty = "q\"b\\s\n\r\t\u0001\u001f</script><!--&'\u2028\u2029\u00e9\ud83d\ude00";
        StringBuilder j = new StringBuilder();
        HtmlData.jsonString(j, nasty);
        String safe = Html.scriptJson(j.toString());
        assertThat(safe).doesNotContain("<", ">", "&", "'", "\u2028", "\u2029", "\n");
        // other control characters come back as visible escapes, as on a terminal
        assertThat(new ObjectMapper().readTree(safe).asText()).isEqualTo(nasty.replace("\u0001", "\\u0001")
                .replace("\u001f", "\\u001f"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Rewrites CONSTANT_Utf8 entries of a class file: how a name javac cannot write gets into bytecode. */
    static byte[] renameUtf8(byte[] b, Map<String, String> renames) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.writeLong(in.readLong());
        int count = in.readUnsignedShort();
        out.writeShort(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            out.writeByte(tag);
            switch (tag) {
                case 1 -> {
                    String s = in.readUTF();
                    out.writeUTF(renames.getOrDefault(s, s));
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> out.writeInt(in.readInt());
                case 5, 6 -> {
                    out.writeLong(in.readLong());
                    i++;
                }
                case 7, 8, 16, 19, 20 -> out.writeShort(in.readUnsignedShort());
                case 15 -> {
                    out.writeByte(in.readUnsignedByte());
                    out.writeShort(in.readUnsignedShort());
                }
                default -> throw new IllegalArgumentException("tag " + tag);
            }
        }
        out.write(in.readAllBytes());
        return bos.toByteArray();
    }
}
