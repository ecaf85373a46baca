package dev.hoist.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.classes.ClassLookup;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class MoreFactsTest {
    private static final String MIXED = "dev/hoist/core/facts/samples/Mixed";
    private static final List<String> PATH = List.of(MIXED, MIXED + "$Op", MIXED + "$A", MIXED + "$B", MIXED + "$C");

    /** The analyzed path is the sample's classes; their bytes come from the test output directory, never loaded. */
    private static final ClassLookup LOOKUP = new ClassLookup() {
        @Override
        public Optional<byte[]> classBytes(String internalName) {
            try (InputStream in = MoreFactsTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public int implementationCount(String owner, String name, String descriptor) {
            if (!PATH.contains(owner)) return -1;
            int n = 0;
            for (String c : PATH) {
                ClassNode cn = node(classBytes(c).orElseThrow());
                boolean sub = c.equals(owner) || cn.interfaces.contains(owner) || owner.equals(cn.superName);
                for (MethodNode m : cn.methods) {
                    if (sub && m.name.equals(name) && m.desc.equals(descriptor) && (m.access & Opcodes.ACC_ABSTRACT) == 0) n++;
                }
            }
            return n;
        }
    };

    private static ClassNode node(byte[] b) {
        ClassNode cn = new ClassNode();
        new ClassReader(b).accept(cn, 0);
        return cn;
    }

    private static Loop loop(String method) throws Exception {
        byte[] bytes = LOOKUP.classBytes(MIXED).orElseThrow();
        ClassNode cn = node(bytes);
        CalleeResolver r = new CalleeResolver(LOOKUP);
        r.register(cn, bytes);
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
        List<Loop> loops = MethodFacts.of(cn, m, BytecodeOffsets.read(bytes), r).loops();
        assertThat(loops).hasSize(1);
        return loops.get(0);
    }

    @Test
    void concatenationCarriedAcrossIterationsNamesTheVariable() throws Exception {
        assertThat(loop("carried").concats()).singleElement().satisfies(c -> {
            assertThat(c.indy()).isTrue();
            assertThat(c.carriedVariable()).isEqualTo("s");
            assertThat(c.parts()).containsExactly("s", "p");
            assertThat(c.prepends()).isFalse();
        });
        assertThat(loop("notCarried").concats()).singleElement().satisfies(c -> assertThat(c.carriedVariable()).isNull());
    }

    @Test
    void boxedAccumulatorIsRecognised() throws Exception {
        Loop l = loop("boxedTotal");
        assertThat(l.boxings()).anySatisfy(b -> {
            assertThat(b.boxing()).isTrue();
            assertThat(b.boxType()).isEqualTo("java/lang/Long");
            assertThat(b.accumulatorName()).isEqualTo("total");
        });
        assertThat(l.boxings()).anySatisfy(b -> assertThat(b.boxing()).isFalse());
    }

    @Test
    void lambdaCapturesAreCounted() throws Exception {
        assertThat(loop("lambdas").lambdas()).singleElement().satisfies(c -> {
            assertThat(c.interfaceType()).isEqualTo("java/util/function/IntUnaryOperator");
            assertThat(c.captured()).isEqualTo(2);
        });
    }

    @Test
    void volatileReadIsAVolatileAccessAndNotInvariant() throws Exception {
        Loop l = loop("spin");
        assertThat(l.volatileAccesses()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("flag"));
        assertThat(l.hasOpaqueCall()).isTrue();
        assertThat(l.opaqueCallCertain()).isTrue();
        assertThat(l.tripCount().known()).isFalse();
    }

    @Test
    void reflectiveCallsAreListed() throws Exception {
        assertThat(loop("reflect").reflectiveCalls()).extracting(CallSite::name).containsExactly("getMethod", "invoke");
    }

    @Test
    void implementationCountComesFromTheClassPath() throws Exception {
        CallSite apply = loop("dispatch").calls().stream().filter(c -> c.name().equals("apply")).findFirst().orElseThrow();
        assertThat(apply.opcode()).isEqualTo(Opcodes.INVOKEINTERFACE);
        assertThat(apply.callee().implementations()).isEqualTo(3);
        assertThat(apply.callee().isAbstract()).isTrue();
    }

    @Test
    void growByDoublingIsMarkedAsGrowth() throws Exception {
        Loop l = loop("grow");
        assertThat(l.copies()).singleElement().satisfies(c -> {
            assertThat(c.what()).isEqualTo("Arrays.copyOf");
            assertThat(c.growth()).isTrue();
        });
        assertThat(l.tripCount().bound()).isEqualTo("n");
    }
}
