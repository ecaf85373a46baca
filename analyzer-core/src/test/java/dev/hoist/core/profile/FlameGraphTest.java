package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlameGraphTest {

    /** Builds a profile from stacks written root first: "main;parse;substring" with a weight. */
    static Profile profile(Object... stacksAndWeights) {
        ProfileBuilder b = new ProfileBuilder();
        int thread = b.thread("main", 1);
        for (int i = 0; i < stacksAndWeights.length; i += 2) {
            String[] names = ((String) stacksAndWeights[i]).split(";");
            int[] frames = new int[names.length];
            for (int j = 0; j < names.length; j++) {
                String n = names[names.length - 1 - j];
                FrameType type = n.endsWith("_[i]") ? FrameType.INLINED : FrameType.JIT_COMPILED;
                String clean = n.replace("_[i]", "");
                int dot = clean.lastIndexOf('.');
                int m = b.method(clean.substring(0, dot), clean.substring(dot + 1), "()V");
                frames[j] = b.frame(m, 10, 5, type);
            }
            b.add(EventKind.CPU, 0, thread, b.stack(frames), (Integer) stacksAndWeights[i + 1], -1);
        }
        return b.build(new ProfileInfo(Path.of("test"), SamplerKind.ASYNC_PROFILER, null, 0, 1, List.of()));
    }

    @Test
    void mergedOneCallPathIsOneNodeHoweverTheJitRanIt() {
        Profile p = profile(
                "a.Main.main;a.Feed.parse;java.lang.String.substring_[i]", 2,
                "a.Main.main;a.Feed.parse;java.lang.String.substring", 5,
                "a.Main.main;a.Feed.parse_[i];java.lang.String.substring_[i]", 1);
        FlameGraph split = FlameGraph.of(p, EventKind.CPU);
        assertThat(names(split)).as("split: parse twice, substring three times")
                .containsExactly("all", "a.Main.main", "a.Feed.parse", "java.lang.String.substring",
                        "java.lang.String.substring", "a.Feed.parse", "java.lang.String.substring");

        FlameGraph merged = FlameGraph.merged(p, EventKind.CPU);
        assertThat(merged.mergesFrameTypes()).isTrue();
        assertThat(names(merged)).containsExactly("all", "a.Main.main", "a.Feed.parse", "java.lang.String.substring");
        int substring = 3;
        assertThat(merged.total(substring)).isEqualTo(8);
        assertThat(merged.type(substring)).as("what most of it ran as").isEqualTo(FrameType.JIT_COMPILED);
        assertThat(merged.types(substring)).containsExactlyInAnyOrder(FrameType.JIT_COMPILED, FrameType.INLINED);
        assertThat(merged.types(0)).isEmpty();
        assertThat(split.types(3)).containsExactly(split.type(3));
    }

    private static List<String> names(FlameGraph g) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            out.add(g.name(i));
        }
        return out;
    }

    @Test
    void nodesArePreOrderWithSubtreeRangesAndWidthsThatAddUp() {
        FlameGraph g = FlameGraph.of(profile(
                "a.Main.main;a.Feed.parse;java.lang.String.substring", 6,
                "a.Main.main;a.Feed.parse", 2,
                "a.Main.main;a.Price.price", 3), EventKind.CPU);
        assertThat(g.rootTotal()).isEqualTo(11);
        assertThat(g.name(0)).isEqualTo("all");
        assertThat(g.depth()).isEqualTo(4);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            order.add(g.name(i));
        }
        // children alphabetical: Feed.parse before Price.price
        assertThat(order).containsExactly("all", "a.Main.main", "a.Feed.parse", "java.lang.String.substring", "a.Price.price");
        int parse = order.indexOf("a.Feed.parse");
        assertThat(g.total(parse)).isEqualTo(8);
        assertThat(g.self(parse)).isEqualTo(2);
        assertThat(g.end(parse)).isEqualTo(parse + 2);
        int price = order.indexOf("a.Price.price");
        assertThat(g.left(price)).isEqualTo(8);
        assertThat(g.parent(price)).isEqualTo(1);
        assertThat(g.path(3)).containsExactly(0, 1, 2, 3);
        assertThat(g.isWithin(3, 2)).isTrue();
        assertThat(g.isWithin(price, 2)).isFalse();
    }

    @Test
    void inlinedAndCompiledFramesOfOneMethodStayApart() {
        FlameGraph g = FlameGraph.of(profile("a.Main.main;a.Feed.parse", 1, "a.Main.main;a.Feed.parse_[i]", 1), EventKind.CPU);
        assertThat(g.size()).isEqualTo(4);
        assertThat(g.type(2)).isNotEqualTo(g.type(3));
    }

    @Test
    void searchCountsNestedMatchesOnce() {
        FlameGraph g = FlameGraph.of(profile(
                "a.Main.main;a.Feed.parse;a.Feed.parseLine", 6,
                "a.Main.main;a.Price.price", 4), EventKind.CPU);
        FlameGraph.Match m = g.search("PARSE");
        assertThat(m.nodes().cardinality()).isEqualTo(2);
        assertThat(m.weight()).as("parseLine lies inside parse: counted once").isEqualTo(6);
        assertThat(g.search("nothing here").isEmpty()).isTrue();
        assertThat(g.search("  ").isEmpty()).isTrue();
    }

    @Test
    void narrowFramesAreLeftOutOnlyWhenAsked() {
        Object[] stacks = {"a.Main.main;a.Hot.loop", 999, "a.Main.main;a.Cold.once", 1};
        assertThat(FlameGraph.of(profile(stacks), EventKind.CPU).size()).isEqualTo(4);
        assertThat(FlameGraph.of(profile(stacks), EventKind.CPU, 0.01).size()).isEqualTo(3);
    }

    @Test
    void aDeepRecursionDoesNotOverflowTheStack() {
        StringBuilder deep = new StringBuilder("a.Main.main");
        for (int i = 0; i < 20_000; i++) {
            deep.append(";a.Rec.f").append(i % 2);
        }
        FlameGraph g = FlameGraph.of(profile(deep.toString(), 1), EventKind.CPU);
        assertThat(g.depth()).isEqualTo(20_002);
        assertThat(g.end(0)).isEqualTo(g.size());
    }

    @Test
    void anEmptyKindGivesAnEmptyGraph() {
        FlameGraph g = FlameGraph.of(profile("a.Main.main", 1), EventKind.ALLOC);
        assertThat(g.size()).isZero();
        assertThat(g.rootTotal()).isZero();
    }
}
