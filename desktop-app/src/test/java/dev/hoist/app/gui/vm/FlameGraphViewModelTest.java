package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlameGraphViewModelTest {

    static Profile collapsed(Path dir, String text) throws IOException {
        Path f = dir.resolve("stacks-" + text.hashCode() + ".txt");
        Files.writeString(f, text);
        return ProfileReader.read(f);
    }

    static int node(FlameGraph g, String name) {
        for (int i = 0; i < g.size(); i++) {
            if (g.name(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no node " + name);
    }

    @Test
    void zoomingMakesAFrameFullWidthAndHitTestingFollows(@TempDir Path dir) throws IOException {
        FlameGraphViewModel vm = new FlameGraphViewModel();
        FlameGraph g = FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse;a.Feed.line 6\na.Main.main;a.Price.price 4\n"),
                EventKind.SAMPLE);
        vm.show(g);
        int parse = node(g, "a.Feed.parse");
        int price = node(g, "a.Price.price");
        int line = node(g, "a.Feed.line");
        assertThat(vm.w(parse, 1000)).isCloseTo(600, within(0.01));
        assertThat(vm.x(price, 1000)).isCloseTo(600, within(0.01));
        assertThat(vm.nodeAt(700, 2, 1000)).isEqualTo(price);
        assertThat(vm.nodeAt(100, 3, 1000)).isEqualTo(line);
        assertThat(vm.nodeAt(700, 3, 1000)).as("nothing under price").isEqualTo(-1);

        vm.zoomTo(parse);
        assertThat(vm.zoomTextProperty().get()).isEqualTo("Zoomed to a.Feed.parse (60.0%)");
        assertThat(vm.w(parse, 1000)).isEqualTo(1000);
        assertThat(vm.w(node(g, "a.Main.main"), 1000)).as("ancestors stay full width").isEqualTo(1000);
        assertThat(vm.w(price, 1000)).as("outside the zoom: hidden").isZero();
        assertThat(Double.isNaN(vm.x(price, 1000))).isTrue();
        assertThat(vm.nodeAt(999, 3, 1000)).as("line now spans the width").isEqualTo(line);
        assertThat(vm.visibleDepth()).isEqualTo(4);

        vm.zoomOut();
        assertThat(vm.zoom()).isEqualTo(node(g, "a.Main.main"));
        vm.resetZoom();
        assertThat(vm.zoom()).isZero();
        assertThat(vm.zoomTextProperty().get()).isEmpty();
    }

    @Test
    void aNewGraphKeepsTheZoomOnTheSameCallPath(@TempDir Path dir) throws IOException {
        FlameGraphViewModel vm = new FlameGraphViewModel();
        vm.show(FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse 6\na.Main.main;a.Price.price 4\n"), EventKind.SAMPLE));
        vm.zoomTo(node(vm.graph(), "a.Price.price"));
        // a second later: a new method appeared before Price in the order, so node indexes moved
        FlameGraph next = FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse 9\na.Main.main;a.Price.price 8\n"
                + "a.Main.main;a.Order.load 3\n"), EventKind.SAMPLE);
        vm.show(next);
        assertThat(next.name(vm.zoom())).isEqualTo("a.Price.price");
        vm.show(FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse 1\n"), EventKind.SAMPLE));
        assertThat(vm.zoom()).as("the path is gone: back to the root").isZero();
    }

    @Test
    void searchHighlightsMatchesAndSaysTheirShare(@TempDir Path dir) throws IOException {
        FlameGraphViewModel vm = new FlameGraphViewModel();
        vm.show(FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse;a.Feed.parseLine 6\na.Main.main;a.Price.price 4\n"),
                EventKind.SAMPLE));
        vm.searchProperty().set("parse");
        assertThat(vm.matchProperty().get().nodes().cardinality()).isEqualTo(2);
        assertThat(vm.matchTextProperty().get()).isEqualTo("2 frames match · 60.0% of samples");
        vm.searchProperty().set("zzz");
        assertThat(vm.matchTextProperty().get()).isEqualTo("no frame matches");
        vm.searchProperty().set("");
        assertThat(vm.matchProperty().get()).isNull();
    }

    @Test
    void theTooltipSaysTotalAndSelf(@TempDir Path dir) throws IOException {
        FlameGraphViewModel vm = new FlameGraphViewModel();
        FlameGraph g = FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse 6\na.Main.main 4\n"), EventKind.SAMPLE);
        vm.show(g);
        vm.hoveredProperty().set(node(g, "a.Main.main"));
        assertThat(vm.hoverTextProperty().get()).contains("a.Main.main").contains("Total: 100.0%  (10 samples)")
                .contains("Self: 40.0%  (4 samples)");
        vm.hoveredProperty().set(-1);
        assertThat(vm.hoverTextProperty().get()).isEmpty();
    }

    @Test
    void theHoveredFrameStaysHoveredWhenALiveRefreshReplacesTheGraph(@TempDir Path dir) throws IOException {
        FlameGraphViewModel vm = new FlameGraphViewModel();
        FlameGraph first = FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse 6\na.Main.main;a.Price.price 4\n"),
                EventKind.SAMPLE);
        vm.show(first);
        vm.hoveredProperty().set(node(first, "a.Feed.parse"));
        // a second later: more samples, a new method that sorts before parse, so the frame's index moves
        FlameGraph next = FlameGraph.of(collapsed(dir, "a.Main.main;a.Feed.parse 9\na.Main.main;a.Price.price 4\n"
                + "a.Main.main;a.Alpha.first 2\n"), EventKind.SAMPLE);
        vm.show(next);
        assertThat(vm.hoveredProperty().get()).isEqualTo(node(next, "a.Feed.parse"));
        assertThat(vm.hoverTextProperty().get()).startsWith("a.Feed.parse").contains("(9 samples)");

        vm.show(FlameGraph.of(collapsed(dir, "a.Main.main;a.Price.price 4\n"), EventKind.SAMPLE));
        assertThat(vm.hoveredProperty().get()).as("the frame is gone: nothing hovered").isEqualTo(-1);
        assertThat(vm.hoverTextProperty().get()).isEmpty();
    }

    @Test
    void aMergedFrameSaysWhatElseTheJitRanItAs(@TempDir Path dir) throws IOException {
        FlameGraphViewModel vm = new FlameGraphViewModel();
        FlameGraph g = FlameGraph.merged(collapsed(dir, "a.Main.main_[j];a.Feed.parse_[j] 6\na.Main.main_[j];a.Feed.parse_[i] 2\n"),
                EventKind.SAMPLE);
        vm.show(g);
        int parse = node(g, "a.Feed.parse");
        assertThat(vm.describe(parse)).contains("JIT compiled (mostly; also Inlined)");
        vm.zoomTo(parse);
        vm.show(FlameGraph.merged(collapsed(dir, "a.Main.main_[j];a.Feed.parse_[i] 9\na.Main.main_[j];a.Feed.parse_[j] 2\n"),
                EventKind.SAMPLE));
        assertThat(vm.zoomTextProperty().get()).as("the zoom follows the path when its colour changes")
                .startsWith("Zoomed to a.Feed.parse");
    }
}
