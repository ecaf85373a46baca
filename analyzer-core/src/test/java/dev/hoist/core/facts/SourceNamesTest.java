package dev.hoist.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Names from a LocalVariableTable as the source has them: older javac (commons-math3 3.6.1) wrote
 * its for-each locals arr$, len$ and i$ into the table, and a fix that used them did not compile.
 */
class SourceNamesTest {
    @Test
    void javacsOwnLocalsHaveNoSourceNameAndACapturedLocalIsItsOwn() {
        assertThat(SourceText.sourceName("len$")).isNull();
        assertThat(SourceText.sourceName("arr$")).isNull();
        assertThat(SourceText.sourceName("i$")).isNull();
        assertThat(SourceText.sourceName("val$points")).isEqualTo("points");
        assertThat(SourceText.sourceName("this$0")).isEqualTo("this$0"); // rendered as Outer.this where it is read
        assertThat(SourceText.sourceName("total")).isEqualTo("total");
        assertThat(SourceText.sourceName(null)).isNull();
    }
}
