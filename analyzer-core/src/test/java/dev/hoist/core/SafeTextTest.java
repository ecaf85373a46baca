package dev.hoist.core;

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

    @Test
    void hoistsOwnColoursPassAndATargetsEscapesDoNot() {
        assertThat(SafeText.cleanKeepingStyles("\u001b[1mHot\u001b[0m com.x.\u001b[2JA\u001bc"))
                .isEqualTo("\u001b[1mHot\u001b[0m com.x.\\u001b[2JA\\u001bc");
    }

    @Test
    void aWriterKeepsLinesAndEscapesTheRest() throws Exception {
        java.io.StringWriter s = new java.io.StringWriter();
        try (java.io.Writer w = SafeText.writer(s)) {
            w.write("a\tb\n\u001b]0;t\u0007\r\n");
        }
        assertThat(s.toString()).isEqualTo("a\tb\n\\u001b]0;t\\u0007\\u000d\n");
    }
}
