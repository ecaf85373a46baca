package dev.hoist.app.gui.vm;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Open in IDE hands the desktop or runs: the idea:// link, and a command with the file and line put in. */
class OpenInIdeTest {
    private static final OpenInIde.Location AT = new OpenInIde.Location(Path.of("/src/my app/OrderFeed.java"), 48);

    @Test
    void withNoCommandTheDesktopGetsAnIdeaLinkWithThePathEncoded() {
        List<String> asked = new ArrayList<>();
        String said = new OpenInIde("").open(AT, asked::add);
        assertThat(asked).containsExactly("idea://open?file=/src/my%20app/OrderFeed.java&line=48");
        assertThat(said).startsWith("Asked the desktop to open idea://open?file=");
    }

    @Test
    void aCommandGetsTheFileAndLineAsArgumentsWithoutAShell() {
        OpenInIde ide = new OpenInIde("code --goto {file}:{line}");
        assertThat(ide.commandFor(AT)).containsExactly("code", "--goto", "/src/my app/OrderFeed.java:48");
        assertThat(new OpenInIde("idea --line {line} {file}").commandFor(AT))
                .containsExactly("idea", "--line", "48", "/src/my app/OrderFeed.java");
    }

    @Test
    void aCommandThatCannotRunSaysSoInOneLine() {
        String said = new OpenInIde("/nonexistent/ide {file}").open(AT, uri -> { });
        assertThat(said).startsWith("Could not run /nonexistent/ide: ");
    }
}
