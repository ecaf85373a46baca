package dev.hoist.app.gui.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line typed in the startup window is split into words as a shell splits them. */
class StartupViewModelTest {
    @Test
    void wordsAsAShellSplitsThem() {
        assertThat(StartupViewModel.words("java -cp 'lib/*' app.Main \"two words\" a\\ b")).isEqualTo(
                List.of("java", "-cp", "lib/*", "app.Main", "two words", "a b"));
        assertThat(StartupViewModel.words("  java   -version  ")).isEqualTo(List.of("java", "-version"));
        assertThat(StartupViewModel.words("")).isEmpty();
        assertThat(StartupViewModel.words("java ''")).isEqualTo(List.of("java", ""));
    }
}
