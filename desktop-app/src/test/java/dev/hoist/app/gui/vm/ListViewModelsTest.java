package dev.hoist.app.gui.vm;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Fix;
import dev.hoist.core.rule.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The table and list view models: hot methods, advice, JVMs. */
class ListViewModelsTest {

    @Test
    void hotMethodsHaveSharesAndAFilter(@TempDir Path dir) throws IOException {
        HotMethodsViewModel vm = new HotMethodsViewModel();
        vm.show(ProfileSnapshot.of(FlameGraphViewModelTest.collapsed(dir,
                "a.Main.main;a.Feed.parse 6\na.Main.main;a.Price.price 3\na.Main.main 1\n"), null));
        assertThat(vm.rows()).extracting(HotMethodsViewModel.Row::name)
                .containsExactly("a.Feed.parse", "a.Price.price", "a.Main.main");
        HotMethodsViewModel.Row parse = vm.rows().get(0);
        assertThat(parse.selfShare()).isEqualTo(0.6);
        assertThat(vm.rows().get(2).totalShare()).isEqualTo(1.0);
        assertThat(vm.unitProperty().get()).isEqualTo("samples");
        vm.filterProperty().set("PRICE");
        assertThat(vm.rows()).extracting(HotMethodsViewModel.Row::name).containsExactly("a.Price.price");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 3 methods match · samples");
        vm.filterProperty().set("");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 methods · samples");
    }

    static Finding finding(String method, int line, int score) {
        return new Finding("copy-in-loop", "com.acme.Feed", method, "()V", "Feed.java", line, new int[] {line - 1, line + 1},
                new int[] {3, 4}, score, Severity.of(score), Confidence.MEDIUM, "copies " + method, "substring allocates",
                new Fix("a.substring(1)", "a, 1"), List.of(), List.of());
    }

    static AdviceReport report(String... methods) {
        List<Advice> out = new ArrayList<>();
        for (int i = 0; i < methods.length; i++) {
            out.add(new Advice(i + 1, finding(methods[i], 10 + i * 10, 50), new LoopCost("cpu", 10, 100 - i * 10, 1000, 0, 0, 0),
                    Confidence.HIGH, List.of("measured: " + methods[i])));
        }
        return new AdviceReport(out, List.of("com.acme.Feed.parse()V"), List.of("com.acme.Gen.run: generated"), 2);
    }

    @Test
    void adviceKeepsTheSelectionWhenRerankedAndShowsTheLoopInTheSource(@TempDir Path dir) throws IOException {
        AdviceViewModel vm = new AdviceViewModel(List.of());
        vm.show(report("parse", "price"));
        assertThat(vm.selectedProperty().get().finding().method()).as("the top advice is selected first").isEqualTo("parse");
        vm.selectedProperty().set(vm.items().get(1));
        vm.show(report("price", "parse")); // re-ranked a second later
        assertThat(vm.selectedProperty().get().finding().method()).isEqualTo("price");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 pieces of advice · 1 hot methods analyzed · "
                + "2 at sites the profile never sampled are hidden");
        assertThat(vm.blindProperty().get()).isEqualTo("com.acme.Gen.run: generated");

        AdviceViewModel.Detail d = vm.detailProperty().get();
        assertThat(d.share()).startsWith("10.0% of cpu samples were at this site");
        assertThat(d.location()).isEqualTo("com.acme.Feed.price (Feed.java:10), loop lines 9–11");
        assertThat(d.source()).isEmpty();
        assertThat(d.sourceNote()).contains("not found");

        Path src = dir.resolve("src/com/acme");
        Files.createDirectories(src);
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(src.resolve("Feed.java"), text);
        vm.setSources(SourceFiles.of(List.of(dir.resolve("src"))));
        d = vm.detailProperty().get();
        assertThat(d.source()).extracting(AdviceViewModel.SourceLine::number).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(d.source()).filteredOn(AdviceViewModel.SourceLine::inLoop).extracting(AdviceViewModel.SourceLine::number)
                .containsExactly(9, 10, 11);
        assertThat(d.source()).filteredOn(AdviceViewModel.SourceLine::flagged).extracting(AdviceViewModel.SourceLine::text)
                .containsExactly("line 10");
    }

    @Test
    void anEmptyListSaysWhyThereIsNoAdvice() {
        AdviceViewModel vm = new AdviceViewModel(List.of());
        assertThat(vm.emptyTextProperty().get()).startsWith("No advice yet.");
        vm.show(new AdviceReport(List.of(), List.of(), List.of("com.acme.Feed.parse: class bytes not found"), 0));
        assertThat(vm.emptyTextProperty().get()).contains("bytecode of the hot methods was not found").contains("Class path…");
        vm.show(new AdviceReport(List.of(), List.of("com.acme.Feed.parse()V"), List.of(), 4));
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No rule matched a sampled loop of the 1 hot methods analyzed."
                + "\n4 findings sit at sites the profile never sampled (code that did not run hot).");
        vm.clear();
        assertThat(vm.emptyTextProperty().get()).startsWith("No advice yet.");
    }

    @Test
    void staticFindingsAreOrderedByScoreAndSayNothingWasMeasured() {
        AdviceViewModel vm = new AdviceViewModel(List.of());
        vm.showStatic(List.of(finding("low", 10, 20), finding("high", 30, 90)), 7);
        assertThat(vm.items()).extracting(a -> a.finding().method()).containsExactly("high", "low");
        assertThat(vm.items()).extracting(Advice::rank).containsExactly(1, 2);
        assertThat(vm.measuredProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).startsWith("2 findings in 7 classes · static analysis");
        assertThat(vm.detailProperty().get().share()).isEmpty();
    }

    static JvmInfo jvm(long pid, String main, boolean ok, long upSeconds) {
        return new JvmInfo(pid, main, "17.0.15", "Eclipse Adoptium", Duration.ofSeconds(upSeconds), "me", ok,
                ok ? null : "refuses attach");
    }

    @Test
    void theJvmListPutsAttachableFirstKeepsTheSelectionAndFilters() {
        try (TestWorkers t = new TestWorkers()) {
            AtomicReference<List<JvmInfo>> now = new AtomicReference<>(List.of(jvm(30, "com.acme.Orders", true, 5),
                    jvm(10, "Hidden", false, 9), jvm(20, "app.jar", true, 7)));
            JvmListViewModel vm = JvmListViewModel.of(t.workers, now::get);
            vm.refresh();
            t.await("the first list", Duration.ofSeconds(10), () -> vm.jvms().size() == 3);
            assertThat(t.onUi(() -> vm.jvms().stream().map(JvmInfo::pid).toList())).containsExactly(20L, 30L, 10L);
            assertThat(t.onUi(() -> vm.summaryProperty().get())).isEqualTo("3 JVMs, 2 attachable");
            t.onUi(() -> vm.selectedProperty().set(vm.jvms().get(1)));

            now.set(List.of(jvm(30, "com.acme.Orders", true, 8), jvm(20, "app.jar", true, 10), jvm(40, "New", true, 1)));
            vm.refresh();
            t.await("the second list", Duration.ofSeconds(10), () -> vm.jvms().size() == 3 && vm.jvms().get(2).pid() == 40);
            assertThat(t.onUi(() -> vm.selectedProperty().get().pid())).isEqualTo(30L);
            assertThat(t.onUi(() -> vm.selectedProperty().get().uptime())).isEqualTo(Duration.ofSeconds(8));

            t.onUi(() -> vm.filterProperty().set("orders"));
            assertThat(t.onUi(() -> vm.jvms().stream().map(JvmInfo::pid).toList())).containsExactly(30L);
            t.onUi(() -> vm.filterProperty().set("4"));
            assertThat(t.onUi(() -> vm.jvms().stream().map(JvmInfo::pid).toList())).containsExactly(40L);
        }
    }

    @Test
    void theDefaultViewKindPrefersCpuThenWallThenAlloc() {
        assertThat(ProfileSnapshot.defaultKind(java.util.Map.of(EventKind.CPU, 1L, EventKind.WALL, 3L, EventKind.ALLOC, 5L)))
                .isEqualTo(EventKind.CPU);
        assertThat(ProfileSnapshot.defaultKind(java.util.Map.of(EventKind.ALLOC, 5L, EventKind.WALL, 3L))).isEqualTo(EventKind.WALL);
        assertThat(ProfileSnapshot.defaultKind(java.util.Map.of(EventKind.ALLOC, 5L))).isEqualTo(EventKind.ALLOC);
    }
}
