package dev.hoist.core.advice;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.classes.ProblemSink;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.profile.ProfileWorkload;
import dev.hoist.core.profile.Recordings;
import dev.hoist.core.rule.Confidence;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advisor on real recordings of {@link ProfileWorkload} (heavy, medium and light loops with
 * 6:3:1 work, and a boxing loop), with both samplers, read through a real class path.
 */
class AdvisorTest {
    private static final String W = ProfileWorkload.class.getName();

    static ClassPath testClasses() throws Exception {
        Path classes = Path.of(ProfileWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ClassPath.builder().add(classes).problems(ProblemSink.collecting()).build();
    }

    static AdviceReport advise(Path recording, ClassLookup lookup, Advisor.Options options) {
        return new Advisor(lookup, List.of(TestRules.EVERY_LOOP, TestRules.BOXING), options).advise(ProfileReader.read(recording));
    }

    private static int rankOf(AdviceReport r, String rule, String method) {
        return r.advice().stream().filter(a -> a.finding().rule().equals(rule) && a.finding().className().equals(W)
                && a.finding().method().equals(method)).mapToInt(Advice::rank).findFirst().orElse(-1);
    }

    @Test
    void loopsAreRankedByTheirMeasuredShareWithBothSamplers() throws Exception {
        try (ClassPath cp = testClasses()) {
            for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
                AdviceReport r = advise(rec, cp, Advisor.Options.defaults());
                int heavy = rankOf(r, "every-loop", "heavy");
                int medium = rankOf(r, "every-loop", "medium");
                int light = rankOf(r, "every-loop", "light");
                assertThat(heavy).as(rec.toString()).isPositive();
                // 6:3:1 work by construction
                assertThat(List.of(heavy, medium, light)).as(rec + ": " + r.advice()).isSorted();
                Advice h = r.advice().get(heavy - 1);
                assertThat(h.cost().inclusiveShare()).isGreaterThan(r.advice().get(light - 1).cost().inclusiveShare() * 2);
                assertThat(h.cost().kind()).isEqualTo("cpu");
                // the loop calls nothing: nearly all its samples are its own code (a few land in VM stubs under it)
                assertThat(h.cost().selfSamples()).isGreaterThan(h.cost().inclusiveSamples() * 9 / 10);
                for (int i = 1; i < r.advice().size(); i++) {
                    assertThat(r.advice().get(i - 1).rankingShare()).isGreaterThanOrEqualTo(r.advice().get(i).rankingShare());
                    assertThat(r.advice().get(i).rank()).isEqualTo(i + 1);
                }
                assertThat(r.methodsAnalysed()).contains(W + ".heavy(I)J");
            }
        }
    }

    @Test
    void aFindingsCacheGivesTheSameAdviceAndIsReusedForTheSameClasses() throws Exception {
        try (ClassPath cp = testClasses()) {
            var profile = ProfileReader.read(Recordings.asyncProfiler());
            java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
            dev.hoist.core.rule.Rule counting = TestRules.counting(TestRules.EVERY_LOOP, checks);
            var rules = List.of(counting, TestRules.BOXING);
            AdviceReport plain = new Advisor(cp, rules, Advisor.Options.defaults()).advise(profile);
            FindingsCache cache = new FindingsCache();
            AdviceReport first = new Advisor(cp, rules, Advisor.Options.defaults()).withCache(cache).advise(profile);
            int cached = cache.size();
            int checksBefore = checks.get();
            AdviceReport second = new Advisor(cp, rules, Advisor.Options.defaults()).withCache(cache).advise(profile);
            assertThat(cached).as("the hot classes were analyzed once").isPositive();
            assertThat(cache.size()).isEqualTo(cached);
            assertThat(checks.get()).as("the second run took every class's findings from the cache").isEqualTo(checksBefore);
            for (AdviceReport r : List.of(first, second)) {
                assertThat(r.advice()).hasSameSizeAs(plain.advice());
                for (int i = 0; i < r.advice().size(); i++) {
                    Advice a = r.advice().get(i);
                    Advice b = plain.advice().get(i);
                    assertThat(a.finding().rule() + a.finding().method() + a.finding().line() + a.cost() + a.evidence())
                            .isEqualTo(b.finding().rule() + b.finding().method() + b.finding().line() + b.cost() + b.evidence());
                }
            }
        }
    }


    @Test
    void withACacheTheSecondAdviceReadsNoClassBeyondTheHotOnes() throws Exception {
        try (ClassPath cp = testClasses()) {
            var profile = ProfileReader.read(Recordings.asyncProfiler());
            var rules = List.of(TestRules.EVERY_LOOP, TestRules.BOXING);
            List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            dev.hoist.core.classes.ClassLookup counting = new dev.hoist.core.classes.ClassLookup() {
                @Override
                public java.util.Optional<byte[]> classBytes(String internalName) {
                    asked.add(internalName);
                    return cp.classBytes(internalName);
                }

                @Override
                public int implementationCount(String owner, String name, String descriptor) {
                    return cp.implementationCount(owner, name, descriptor);
                }

                @Override
                public List<String> implementingClasses(String owner, String name, String descriptor) {
                    return cp.implementingClasses(owner, name, descriptor);
                }
            };
            FindingsCache cache = new FindingsCache();
            Advisor advisor = new Advisor(counting, rules, Advisor.Options.defaults()).withCache(cache);
            AdviceReport first = advisor.advise(profile);
            int firstRun = asked.size();
            asked.clear();
            AdviceReport second = advisor.advise(profile);
            List<String> hot = advisor.hotClasses(profile).stream().map(c -> c.replace('.', '/')).toList();
            assertThat(second.advice()).hasSameSizeAs(first.advice()).isNotEmpty();
            assertThat(firstRun).as("the first advice resolved callees beyond the hot classes").isGreaterThan(hot.size());
            assertThat(asked).as("the second advice only hashed the hot classes' bytes: findings and facts came from the cache")
                    .containsExactlyInAnyOrderElementsOf(hot);
        }
    }

    @Test
    void repeatedAdviceAnalyzesEachClassOnceUntilTheClassPathOrSourcesChange(@org.junit.jupiter.api.io.TempDir Path src)
            throws Exception {
        Path classes = Path.of(ProfileWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var profile = ProfileReader.read(Recordings.asyncProfiler());
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        var rules = List.of(TestRules.counting(TestRules.EVERY_LOOP, checks), TestRules.BOXING);
        try (ClassPathAdvisor.Cached repeated = new ClassPathAdvisor.Cached()) {
            AdviceReport first = repeated.advise(profile, classes.toString(), Advisor.Options.defaults(), rules, w -> { }, null);
            int afterFirst = checks.get();
            assertThat(afterFirst).as("the hot classes were analyzed").isPositive();
            AdviceReport again = repeated.advise(profile, classes.toString(), Advisor.Options.defaults(), rules, w -> { }, null);
            assertThat(checks.get()).as("the same class path: nothing analyzed again").isEqualTo(afterFirst);
            assertThat(again.advice()).hasSameSizeAs(first.advice());
            assertThat(repeated.sources(classes.toString(), List.of())).isSameAs(repeated.sources(classes.toString(), List.of()));

            // a source folder added: the fixes may change, so the classes are analyzed anew
            repeated.advise(profile, classes.toString(), Advisor.Options.defaults().withSourceDirs(List.of(src)), rules, w -> { }, null);
            assertThat(checks.get()).isGreaterThan(afterFirst);
            assertThat(repeated.sources(classes.toString(), List.of(src)))
                    .isNotSameAs(repeated.sources(classes.toString(), List.of()));
        }
    }
    @Test
    void boxingIsConfirmedByIntegerValueOfAllocationSamples() throws Exception {
        try (ClassPath cp = testClasses()) {
            for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
                AdviceReport r = advise(rec, cp, Advisor.Options.defaults());
                Advice a = r.advice().get(rankOf(r, "boxing-in-loop", "churn") - 1);
                assertThat(a.confidence()).as(rec + ": " + a.evidence()).isEqualTo(Confidence.HIGH);
                assertThat(a.evidence()).as(rec.toString())
                        .anyMatch(e -> e.startsWith("confirmed: ") && e.contains("Integer"));
                assertThat(a.finding().evidence()).isEqualTo(a.evidence());
                assertThat(a.cost().allocSamples()).isPositive();
            }
        }
    }

    @Test
    void unsampledLoopsAreHiddenUnlessAllIsAsked() throws Exception {
        try (ClassPath cp = testClasses()) {
            // ranked by wall samples, which this cpu + alloc recording has none of: only the allocating loop was seen
            Advisor.Options wall = Advisor.Options.defaults().withKind(EventKind.WALL);
            AdviceReport r = advise(Recordings.asyncProfiler(), cp, wall);
            assertThat(rankOf(r, "every-loop", "heavy")).isEqualTo(-1);
            assertThat(rankOf(r, "every-loop", "churn")).isPositive();
            assertThat(r.hiddenUnsampled()).isGreaterThanOrEqualTo(3);
            AdviceReport all = advise(Recordings.asyncProfiler(), cp, wall.withAll(true));
            assertThat(all.hiddenUnsampled()).isZero();
            assertThat(all.advice()).hasSize(r.advice().size() + r.hiddenUnsampled());
            Advice heavy = all.advice().get(rankOf(all, "every-loop", "heavy") - 1);
            assertThat(heavy.cost().sampled()).isFalse();
            assertThat(heavy.evidence()).containsExactly("the profile has no samples in this loop");
        }
    }

    @Test
    void methodsWhoseBytesCannotBeHadAreListedWithTheHint() throws Exception {
        AdviceReport r = advise(Recordings.asyncProfiler(), ClassLookup.empty(),
                Advisor.Options.defaults().withMissingHint("pass --classpath"));
        assertThat(r.advice()).isEmpty();
        assertThat(r.methodsAnalysed()).isEmpty();
        assertThat(r.unavailable()).contains(W + ".heavy: class bytes not found on the class path or in the JDK (pass --classpath)");
        // JDK methods are evidence, not advice targets: never listed as missing
        assertThat(r.unavailable()).noneMatch(u -> u.startsWith("java."));
    }

    @Test
    void hotMethodsCoverTheSamplesAndRespectTheCap() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        List<MethodRef> hot = HotMethods.of(p, EventKind.CPU, 0.95, 200);
        assertThat(hot).extracting(MethodRef::name).contains("heavy", "medium", "light", "main");
        assertThat(hot).allMatch(m -> !m.className().isEmpty());
        assertThat(HotMethods.of(p, EventKind.CPU, 0.95, 2)).hasSizeLessThanOrEqualTo(2 + 2);
    }
}
