package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reflective invocation's fix names the call the user wrote and what replaces it for that kind
 * of call: Jackson's top advice showed {@code field.get(obj)} and a static final getter for a
 * {@code Field.set} on a per-property field, where a non-constant handle saves nothing.
 */
class ReflectionFixTextTest {
    private static final Path FILE = Path.of("src/test/resources/cases/reflection-in-loop/ReflectiveCalls.java");

    private static Finding at(String method) throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(FILE));
        return new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()), List.of())
                .analyze(classes.values()).findings().stream()
                .filter(f -> f.rule().equals("reflection-in-loop") && f.method().equals(method))
                .findFirst().orElseThrow();
    }

    @Test
    void anInvokeGetsAnInterfaceMadeOncePerMethod() throws Exception {
        Finding f = at("invokeAll");
        assertThat(f.fix().before()).contains("method.invoke(target, noArgs)");
        assertThat(f.fix().after()).contains("LambdaMetafactory.metafactory").contains("lookup.unreflect(method)")
                .doesNotContain("static final MethodHandle");
    }

    @Test
    void aFieldWriteIsShownAsTheWriteItIs() throws Exception {
        Finding f = at("resetCounters");
        assertThat(f.fix().before()).contains("counter.setInt(beans[i], 0)");
        assertThat(f.fix().after()).contains("X.set(obj, value)").contains("instead of counter.setInt(beans[i], 0)")
                .doesNotContain("get(obj)");
        Finding read = at("copyNames");
        assertThat(read.fix().before()).contains("name.get(bean)");
        assertThat(read.fix().after()).contains("X.get(obj)");
    }

    @Test
    void aConstructorGetsASupplierNotAFieldHandle() throws Exception {
        Finding f = at("createAll");
        assertThat(f.fix().after()).contains("lookup.unreflectConstructor(ctor)").contains("Supplier<Object>")
                .doesNotContain("VarHandle");
    }
}
