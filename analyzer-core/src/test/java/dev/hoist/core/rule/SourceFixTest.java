package dev.hoist.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a rule's rewrite finds its expression in a source line, holes and all. */
class SourceFixTest {

    @Test
    void holesTakeBalancedArgumentsAsWrittenWithCommasInStringsAndNestedCalls() {
        assertThat(SourceFix.rewrite("n += Integer.parseInt(s.substring(at(a, \",\"), end( b )));",
                "Integer.parseInt(s.substring($1, $2))", "Integer.parseInt(s, $1, $2, 10)"))
                .isEqualTo("n += Integer.parseInt(s, at(a, \",\"), end( b ), 10);");
        // spacing in the source that the rendered expression does not have
        assertThat(SourceFix.rewrite("m.merge( k,v , Long::sum);", "m.merge($1, $2, Long::sum)", "m.get($1)[0] += $2"))
                .isEqualTo("m.get(k)[0] += v;");
        // an empty hole: the diamond
        assertThat(SourceFix.rewrite("Map<K, V> m = new HashMap<>();", "new HashMap<$1>()", "new HashMap<$1>(64)"))
                .isEqualTo("Map<K, V> m = new HashMap<>(64);");
    }

    @Test
    void theReceiverThisMayBeLeftOutButANameMatchesOnlyWhole() {
        assertThat(SourceFix.rewrite("s += this.gains[i];", "this.gains", "gains")).isEqualTo("s += gains[i];");
        assertThat(SourceFix.rewrite("s += gains[i];", "this.gains", "g")).isEqualTo("s += g[i];");
        assertThat(SourceFix.rewrite("s += regains[i] + other.gains;", "this.gains", "g")).isNull();
    }

    @Test
    void anExpressionThatIsNotInTheLineGivesNothing() {
        assertThat(SourceFix.rewrite("x = y.substring(1);", "Integer.parseInt(y.substring($1))", "z")).isNull();
        // a hole never runs past the bracket that closes it
        assertThat(SourceFix.rewrite("f(a)) + g(b, c);", "f($1, $2)", "z")).isNull();
    }

    @Test
    void aFixWithoutAOneLineHeaderKeepsTheFlaggedLineAndTheTemplate() {
        List<String> src = List.of("do {", "    s += x;", "} while (more());");
        Fix f = SourceFix.of(new Fix("for (...) {\n    s += x;\n}", "for (...) {\n    b.append(x);\n}"), src, 1, 3, 2);
        assertThat(f.before()).isEqualTo("s += x;");
        assertThat(f.after()).isEqualTo("for (...) {\n    b.append(x);\n}");
    }
}
