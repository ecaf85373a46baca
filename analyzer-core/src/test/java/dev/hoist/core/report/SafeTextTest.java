package dev.hoist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void escapeSequencesAndBidiOverridesBecomeVisible() {
        assertThat(SafeText.clean("com.acme.\u001b]0;pwned\u0007Main")).isEqualTo("com.acme.\\u001b]0;pwned\\u0007Main");
        assertThat(SafeText.clean("a\u009bb")).isEqualTo("a\\u009bb");
        assertThat(SafeText.clean("evil\u202egnp.exe")).isEqualTo("evil\\u202egnp.exe");
        assertThat(SafeText.clean("ok.Name$1 <init> ünïcode")).isEqualTo("ok.Name$1 <init> ünïcode");
        assertThat(SafeText.clean(null)).isNull();
    }
}
