package dev.hoist.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.core.classes.ClassLookup;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The typed parts of the facts: value identity, whether a value can be named, the hoist blocker's kind, a frozen loop. */
class TypedFactsTest {

    private static MethodFacts facts(String sample, String method) throws Exception {
        byte[] bytes;
        try (InputStream in = TypedFactsTest.class.getResourceAsStream("samples/" + sample + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        MethodNode m = node.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
        CalleeResolver r = new CalleeResolver(ClassLookup.empty());
        r.register(node, bytes);
        return MethodFacts.of(node, m, BytecodeOffsets.read(bytes), r);
    }

    private static Loop only(MethodFacts f) {
        assertThat(f.loops()).hasSize(1);
        return f.loops().get(0);
    }

    @Test
    void aFieldOfThisIsTheSameVariableWhereverItIsRead() throws Exception {
        Loop l = only(facts("Loops", "fieldInLoop"));
        assertThat(l.fieldAccesses()).isNotEmpty().allSatisfy(fa -> {
            assertThat(fa.receiver().id()).isEqualTo(ValueId.THIS);
            assertThat(fa.receiver().nameable()).isTrue();
        });
    }

    @Test
    void aLocalIsIdentifiedByItsSlot() throws Exception {
        MethodFacts f = facts("Loops", "keepAndDrop");
        Allocation list = f.allocations().stream().filter(a -> a.type().equals("java/util/ArrayList")).findFirst().orElseThrow();
        CallSite add = only(f).calls().stream().filter(c -> c.name().equals("add")).findFirst().orElseThrow();
        assertThat(add.receiver().id()).isEqualTo(ValueId.local(list.uses().storedLocal())).isInstanceOf(ValueId.Local.class);
        assertThat(add.receiver().text()).isEqualTo("out");
        CallSite length = only(f).calls().stream().filter(c -> c.name().equals("length")).findFirst().orElseThrow();
        assertThat(length.receiver().sameVariable(add.receiver())).isFalse();
        assertThat(add.receiver().sameVariable(add.receiver())).isTrue();
    }

    @Test
    void anArrayElementHasNoIdentityButCanBeNamed() throws Exception {
        Loop l = only(facts("Loops", "perIterationReceiver"));
        FieldAccess data = l.fieldAccesses().stream().filter(fa -> fa.name().equals("data")).findFirst().orElseThrow();
        assertThat(data.receiver().text()).isEqualTo("all[i]");
        assertThat(data.receiver().id()).isNull();
        assertThat(data.receiver().nameable()).isTrue();
    }

    @Test
    void aValueWithAnElidedPartCannotBeNamed() throws Exception {
        Loop l = only(facts("Loops", "elided"));
        CallSite trim = l.calls().stream().filter(c -> c.name().equals("trim")).findFirst().orElseThrow();
        assertThat(trim.receiver().nameable()).isFalse();
        assertThat(trim.receiver().text()).isEqualTo(SourceText.ELIDED);
        CallSite parse = l.calls().stream().filter(c -> c.name().equals("parseInt")).findFirst().orElseThrow();
        assertThat(parse.arguments().get(0).text()).isEqualTo(SourceText.ELIDED + ".trim()");
        assertThat(parse.arguments().get(0).nameable()).isFalse();
    }

    @Test
    void aMonitorBlocksHoistingAsAMemoryBarrier() throws Exception {
        Loop l = only(facts("Loops", "withTryAndLock"));
        assertThat(l.blocker().kind()).isEqualTo(HoistBlocker.Kind.MEMORY_BARRIER);
        assertThat(l.blocker().isMemoryBarrier()).isTrue();
        assertThat(l.opaqueCallCertain()).isTrue();
        assertThat(l.opaqueCallText()).isEqualTo("a synchronized block");
        assertThat(l.opaqueCallReason()).isEqualTo("is a memory barrier for C2");
    }

    @Test
    void aVolatileReadBlocksHoistingAsAMemoryBarrier() throws Exception {
        Loop l = only(facts("Mixed", "spin"));
        assertThat(l.blocker()).isEqualTo(new HoistBlocker(HoistBlocker.Kind.MEMORY_BARRIER, "a volatile read of flag",
                "is a memory barrier for C2", true));
    }

    @Test
    void aCalleeOffTheClassPathMayBlockHoisting() throws Exception {
        Loop l = only(facts("Loops", "readAll"));
        assertThat(l.blocker().kind()).isEqualTo(HoistBlocker.Kind.NOT_ON_CLASS_PATH);
        assertThat(l.blocker().certain()).isFalse();
        assertThat(l.opaqueCallText()).isEqualTo("BufferedReader.readLine()");
        assertThat(l.opaqueCallReason()).isEqualTo("is not on the analyzed class path");
    }

    @Test
    void aLoopWithoutBlockerHasNone() throws Exception {
        Loop l = only(facts("Loops", "fieldInLoop"));
        assertThat(l.blocker()).isNull();
        assertThat(l.hasOpaqueCall()).isFalse();
        assertThat(l.opaqueCallReason()).isNull();
    }

    @Test
    void aLoopCannotBeChangedOnceMade() throws Exception {
        MethodFacts f = facts("Loops", "keepAndDrop");
        Loop l = only(f);
        assertThatThrownBy(() -> l.calls().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.allocations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.children().add(l)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.calls().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.loops().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theForEachIteratorIsRecognisedByIdentity() throws Exception {
        Loop l = only(facts("Loops", "drain"));
        CallSite hasNext = l.calls().stream().filter(c -> c.name().equals("hasNext")).findFirst().orElseThrow();
        assertThat(hasNext.receiver().id()).isInstanceOf(ValueId.Local.class);
        assertThat(l.isIteratorProtocol(hasNext)).isTrue();
    }
}
