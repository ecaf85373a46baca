package dev.hoist.core.classes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdkClassesTest {
    @Test
    void jdkClassesAreKnownByBinaryAndInternalName() {
        for (String n : new String[] {"java.util.List", "java/util/List", "javax.xml.Foo", "jdk.internal.misc.Unsafe",
            "sun.misc.Unsafe", "com.sun.tools.javac.Main", "com/sun/tools/javac/Main"}) {
            assertThat(JdkClasses.isJdk(n)).as(n).isTrue();
        }
        for (String n : new String[] {"javafoo.Bar", "com.sunny.App", "com/acme/Foo", "dev.hoist.Foo", "Main", "sunshine.A"}) {
            assertThat(JdkClasses.isJdk(n)).as(n).isFalse();
        }
    }

    @Test
    void hiddenClassesCarryTheirAddress() {
        assertThat(JdkClasses.isHidden("com.acme.Foo$$Lambda/0x0000000800c0b000")).isTrue();
        assertThat(JdkClasses.isHidden("com.acme.Foo.0x7f00")).isTrue();
        assertThat(JdkClasses.isHidden("com.acme.Foo$Bar")).isFalse();
        assertThat(JdkClasses.isGenerated("jdk.proxy2.$Proxy11")).isTrue();
        assertThat(JdkClasses.isGenerated("com.acme.Foo$Bar")).isFalse();
    }
}
