package dev.hoist.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.classes.ClassLookup;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class MethodFactsTest {
    private static byte[] bytes;
    private static ClassNode node;
    private static List<String> source;

    @BeforeAll
    static void read() throws Exception {
        // The sample is compiled by Maven with debug info; only its bytes are read, never loaded.
        try (InputStream in = MethodFactsTest.class.getResourceAsStream("samples/Loops.class")) {
            bytes = in.readAllBytes();
        }
        node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        source = Files.readAllLines(Path.of("src/test/java/dev/hoist/core/facts/samples/Loops.java"));
    }

    private static int lineOf(String snippet) {
        for (int i = 0; i < source.size(); i++) if (source.get(i).contains(snippet)) return i + 1;
        throw new AssertionError("no line with " + snippet);
    }

    private static MethodFacts facts(String method) throws Exception {
        MethodNode m = node.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
        CalleeResolver r = new CalleeResolver(ClassLookup.empty());
        r.register(node, bytes);
        return MethodFacts.of(node, m, BytecodeOffsets.read(bytes), r);
    }

    @Test
    void nestedLoopsHaveDepthParentAndLineRanges() throws Exception {
        MethodFacts f = facts("nested");
        assertThat(f.loops()).hasSize(2);
        Loop outer = f.loops().stream().filter(l -> l.depth() == 1).findFirst().orElseThrow();
        Loop inner = f.loops().stream().filter(l -> l.depth() == 2).findFirst().orElseThrow();
        assertThat(inner.parent()).isSameAs(outer);
        assertThat(outer.children()).containsExactly(inner);
        assertThat(outer.firstLine()).isEqualTo(lineOf("for (int i = 0; i < n; i++)"));
        assertThat(inner.firstLine()).isEqualTo(lineOf("for (int j = 0; j < m; j++)"));
        assertThat(inner.lastLine()).isEqualTo(lineOf("s += i * j;"));
        assertThat(outer.firstBci()).isLessThan(inner.firstBci());
        assertThat(outer.lastBci()).isGreaterThan(inner.lastBci());
        assertThat(inner.tripCount().known()).isTrue();
        assertThat(inner.tripCount().bound()).isEqualTo("m");
    }

    @Test
    void bytecodeOffsetsMatchJavap() throws Exception {
        // javap prints each instruction with its offset; methods with code appear in class-file order.
        Path classFile = Files.createTempFile("Loops", ".class");
        Files.write(classFile, bytes);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(out);
        try {
            int rc = java.util.spi.ToolProvider.findFirst("javap").orElseThrow().run(pw, pw, "-c", "-p", classFile.toString());
            assertThat(rc).isZero();
        } finally {
            Files.delete(classFile);
        }
        List<List<Integer>> perMethod = new java.util.ArrayList<>();
        java.util.regex.Pattern insn = java.util.regex.Pattern.compile("^\\s+(\\d+): [a-z]");
        for (String line : out.toString().split("\\R")) {
            if (line.strip().equals("Code:")) perMethod.add(new java.util.ArrayList<>());
            else if (!perMethod.isEmpty() && insn.matcher(line).find()) {
                perMethod.get(perMethod.size() - 1).add(Integer.parseInt(line.strip().substring(0, line.strip().indexOf(':'))));
            }
        }
        int k = 0;
        int checked = 0;
        for (MethodNode m : node.methods) {
            if (m.instructions.size() == 0) continue;
            MethodFacts f = facts(m.name);
            List<Integer> expected = perMethod.get(k++);
            int real = 0;
            for (int i = 0; i < f.instructionCount(); i++) {
                if (f.instruction(i).getOpcode() < 0) continue;
                assertThat(f.bci(i)).as(m.name + " instruction " + real).isEqualTo(expected.get(real));
                real++;
                checked++;
            }
            assertThat(real).as(m.name + " instruction count").isEqualTo(expected.size());
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void loopBciSetContainsExactlyTheLoopsInstructions() throws Exception {
        MethodFacts f = facts("fieldInLoop");
        Loop l = f.loops().get(0);
        for (int i = 0; i < f.instructionCount(); i++) {
            if (f.bci(i) < 0) continue;
            assertThat(l.containsBci(f.bci(i))).isEqualTo(l.contains(i));
        }
    }

    @Test
    void fieldReadWithThisReceiverIsInvariantAndEveryIteration() throws Exception {
        Loop l = facts("fieldInLoop").loops().get(0);
        assertThat(l.fieldAccesses()).isNotEmpty().allSatisfy(fa -> {
            assertThat(fa.name()).isEqualTo("data");
            assertThat(fa.receiver().kind()).isEqualTo(Value.Kind.THIS);
            assertThat(fa.receiver().invariant()).isTrue();
            assertThat(fa.everyIteration()).isTrue();
            assertThat(fa.isVolatile()).isFalse();
        });
        assertThat(l.writesField("data")).isFalse();
        assertThat(l.tripCount().kind()).isEqualTo(TripCount.Kind.ARRAY_LENGTH);
        assertThat(l.tripCount().bound()).isEqualTo("this.data.length");
    }

    @Test
    void receiverThatChangesPerIterationIsNotInvariant() throws Exception {
        Loop l = facts("perIterationReceiver").loops().get(0);
        FieldAccess fa = l.fieldAccesses().stream().filter(x -> x.name().equals("data")).findFirst().orElseThrow();
        assertThat(fa.receiver().invariant()).isFalse();
    }

    @Test
    void allocationsKnowWhereTheObjectGoes() throws Exception {
        MethodFacts f = facts("keepAndDrop");
        Loop l = f.loops().get(0);
        Allocation scratch = l.allocations().stream().filter(a -> a.type().equals("[I")).findFirst().orElseThrow();
        assertThat(scratch.constantLength()).isEqualTo(2);
        assertThat(scratch.uses().kept()).isFalse();
        Allocation kept = l.allocations().stream().filter(a -> a.type().equals("java/lang/String")).findFirst().orElseThrow();
        assertThat(kept.uses().escapes()).contains(Uses.Escape.KEPT_BY_CALL);
        assertThat(kept.uses().keptBy()).isEqualTo("List.add");
        Allocation list = f.allocations().stream().filter(a -> a.type().equals("java/util/ArrayList")).findFirst().orElseThrow();
        assertThat(list.loop()).isNull();
        assertThat(list.constructorDescriptor()).isEqualTo("()V");
        assertThat(list.uses().escapes()).contains(Uses.Escape.RETURNED);
        assertThat(f.localName(list.uses().storedLocal(), list.insn() + 6)).isEqualTo("out");
    }

    @Test
    void tripCountIsUnknownForReadersAndBareIterators() throws Exception {
        assertThat(facts("readAll").loops().get(0).tripCount().known()).isFalse();
        assertThat(facts("drain").loops().get(0).tripCount().known()).isFalse();
        TripCount overList = facts("overList").loops().get(0).tripCount();
        assertThat(overList.known()).isTrue();
        assertThat(overList.bound()).isEqualTo("this.names.size()");
        TripCount countdown = facts("countdown").loops().get(0).tripCount();
        assertThat(countdown.known()).isTrue();
        assertThat(countdown.bound()).isEqualTo("n");
    }

    @Test
    void tryCatchAndSynchronizedInsideALoopAddNoLoops() throws Exception {
        MethodFacts f = facts("withTryAndLock");
        assertThat(f.loops()).hasSize(1);
        Loop l = f.loops().get(0);
        assertThat(l.monitors()).extracting(Monitor::enter).contains(true, false);
        assertThat(l.hasOpaqueCall()).isTrue();
        // the handler code (c--) belongs to the loop: it flows back to the header
        int handlerLine = lineOf("c--;");
        assertThat(l.lastLine()).isGreaterThanOrEqualTo(handlerLine);
    }

    @Test
    void straightLineMethodsAreSkippedCheaply() {
        MethodNode m = node.methods.stream().filter(x -> x.name.equals("straight")).findFirst().orElseThrow();
        assertThat(MethodFacts.mayHaveLoop(m)).isFalse();
        MethodNode loop = node.methods.stream().filter(x -> x.name.equals("nested")).findFirst().orElseThrow();
        assertThat(MethodFacts.mayHaveLoop(loop)).isTrue();
    }

    @Test
    void calleeFactsComeFromTheLookup() {
        CalleeResolver r = new CalleeResolver(ClassLookup.empty());
        r.register(node, bytes);
        CalleeFacts straight = r.callee(org.objectweb.asm.Opcodes.INVOKEVIRTUAL, node.name, "straight", "(I)I");
        assertThat(straight.readable()).isTrue();
        assertThat(straight.codeSize()).isEqualTo(4); // iload_1, iconst_1, iadd, ireturn
        assertThat(straight.recursive()).isFalse();
        assertThat(straight.isSynchronized()).isFalse();
        // a synchronized method's flag: each call enters the receiver's monitor
        assertThat(r.callee(org.objectweb.asm.Opcodes.INVOKEVIRTUAL, node.name, "hit", "()V").isSynchronized()).isTrue();
        CalleeFacts size = r.callee(org.objectweb.asm.Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I");
        assertThat(size.readable()).isFalse();
        assertThat(size.sideEffectFree()).isTrue();
        assertThat(size.implementations()).isEqualTo(-1);
    }
}
