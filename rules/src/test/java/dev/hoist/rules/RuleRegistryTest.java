package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
    private static final List<String> IDS = List.of("boxing-in-loop", "copy-in-loop", "exception-in-loop", "format-in-loop", "invariant-call-in-loop",
            "invariant-field-in-loop", "lock-in-loop", "megamorphic-call-in-loop", "quadratic-in-loop", "reflection-in-loop", "regex-in-loop", "string-concat-in-loop",
            "tuple-allocation-in-loop", "uninlinable-call-in-loop", "unsized-collection");

    @Test
    void serviceLoaderFindsTheRulesNamedAfterTheirIds() {
        RuleRegistry registry = RuleRegistry.load();
        assertThat(registry.all()).extracting(Rule::id).containsExactlyElementsOf(IDS);
        for (Rule r : registry.all()) {
            StringBuilder camel = new StringBuilder();
            for (String part : r.id().split("-")) camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            assertThat(r.getClass().getSimpleName()).isEqualTo(camel + "Rule");
            assertThat(r.title()).isNotBlank();
            assertThat(r.mechanism()).hasSizeGreaterThan(80);
        }
    }

    @Test
    void everyRuleHasADocsPage() {
        for (String id : IDS) assertThat(Path.of("docs", id + ".md")).as("docs page of " + id).satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());
    }

    @Test
    void selectingAnUnknownRuleIsAUsageErrorThatListsTheKnownOnes() {
        RuleRegistry registry = RuleRegistry.load();
        assertThat(registry.select(List.of("boxing-in-loop", "copy-in-loop"))).extracting(Rule::id)
                .containsExactly("boxing-in-loop", "copy-in-loop");
        assertThatThrownBy(() -> registry.select(List.of("no-such-rule")))
                .isInstanceOf(HoistException.class)
                .hasMessageContaining("no-such-rule").hasMessageContaining("unsized-collection")
                .satisfies(e -> assertThat(((HoistException) e).failure()).isEqualTo(Failure.USAGE));
    }
}
