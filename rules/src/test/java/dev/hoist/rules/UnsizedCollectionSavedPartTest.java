package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What sizing a collection saves is its own growth: the finding names the allocation it sizes, so
 * a list and then a map held in one reused local slot are each measured by their own growth method.
 */
class UnsizedCollectionSavedPartTest {
    private static final UnsizedCollectionRule RULE = new UnsizedCollectionRule();

    @Test
    void eachCollectionInAReusedSlotIsMeasuredByItsOwnGrowth() throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(Path.of("src/test/resources/cases/unsized-collection/SlotReused.java")));
        List<Finding> findings = new Analysis(new TestClassLookup(classes), List.of(RULE)).analyze(classes.values()).findings();
        assertThat(findings).hasSize(2);
        // in line order: the list, then the map
        assertThat(findings.get(0).message()).contains("new ArrayList()");
        assertThat(findings.get(1).message()).contains("new HashMap()");
        assertThat(findings).extracting(f -> RULE.savedPart(f).callees())
                .containsExactly(java.util.Set.of("java.util.Arrays.copyOf"), java.util.Set.of("java.util.HashMap.resize"));
    }
}
