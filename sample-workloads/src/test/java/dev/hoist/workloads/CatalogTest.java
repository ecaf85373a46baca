package dev.hoist.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The catalog that end-to-end tests rely on names real classes, methods and mains. */
class CatalogTest {

    @Test
    void everyRuleHasExactlyOnePairWithRunnableTwins() throws ClassNotFoundException {
        assertThat(Catalog.PAIRS).extracting(Catalog.Pair::ruleId).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "invariant-field-in-loop", "invariant-call-in-loop", "uninlinable-call-in-loop",
                "megamorphic-call-in-loop", "reflection-in-loop", "boxing-in-loop", "tuple-allocation-in-loop",
                "unsized-collection", "copy-in-loop", "string-concat-in-loop", "regex-in-loop", "format-in-loop",
                "exception-in-loop", "quadratic-in-loop", "lock-in-loop");
        for (Catalog.Pair pair : Catalog.PAIRS) {
            for (String name : new String[] {pair.antiPatternClass(), pair.fixedClass()}) {
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                assertThat(hasMain(type)).as("%s has a main", name).isTrue();
                assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                        .as("%s declares %s", name, pair.hotMethod()).contains(pair.hotMethod());
            }
        }
    }

    @Test
    void demoEntriesNameRealMethods() throws ClassNotFoundException {
        assertThat(hasMain(Class.forName(Catalog.DEMO_MAIN, false, getClass().getClassLoader()))).isTrue();
        assertThat(Catalog.DEMO).hasSizeGreaterThanOrEqualTo(4);
        for (Catalog.Planted planted : Catalog.DEMO) {
            Class<?> type = Class.forName(planted.className(), false, getClass().getClassLoader());
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName)).contains(planted.method());
        }
    }

    private static boolean hasMain(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
