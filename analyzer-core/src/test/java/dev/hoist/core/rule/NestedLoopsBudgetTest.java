package dev.hoist.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.advice.TestRules;
import dev.hoist.core.classes.ClassLookup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A hostile (or generated) class whose method nests thousands of loops made the loop facts take
 * minutes and a gigabyte: such a method is skipped with one line, the others are analyzed.
 */
class NestedLoopsBudgetTest {

    /** A class with {@code nested(n)}: n loops, each inside the one before, and a small {@code plain()} loop. */
    static byte[] nestedLoops(int n) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Nested", null, "java/lang/Object", null);
        for (String name : new String[] {"nested", "plain"}) {
            int loops = name.equals("nested") ? n : 2;
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, "()I", null, null);
            m.visitCode();
            Label[] head = new Label[loops];
            Label[] end = new Label[loops];
            for (int k = 0; k < loops; k++) {
                head[k] = new Label();
                end[k] = new Label();
                m.visitInsn(Opcodes.ICONST_0);
                m.visitVarInsn(Opcodes.ISTORE, k);
                m.visitLabel(head[k]);
                m.visitVarInsn(Opcodes.ILOAD, k);
                m.visitIntInsn(Opcodes.BIPUSH, 3);
                m.visitJumpInsn(Opcodes.IF_ICMPGE, end[k]);
            }
            for (int k = loops - 1; k >= 0; k--) {
                m.visitIincInsn(k, 1);
                m.visitJumpInsn(Opcodes.GOTO, head[k]);
                m.visitLabel(end[k]);
            }
            m.visitInsn(Opcodes.ICONST_0);
            m.visitInsn(Opcodes.IRETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static final ClassLookup NOTHING = new ClassLookup() {
        @Override
        public Optional<byte[]> classBytes(String internalName) {
            return Optional.empty();
        }

        @Override
        public int implementationCount(String owner, String name, String descriptor) {
            return -1;
        }
    };

    @Test
    void aMethodOfThousandsOfNestedLoopsIsSkippedInOneLineAndTheRestIsAnalyzed() {
        // 2,500 nested loops: before the budget, 1,000 alone ran over a minute
        Analysis.Result r = new Analysis(NOTHING, List.of(TestRules.EVERY_LOOP)).analyze(List.of(nestedLoops(2500)));
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("skipped Nested.nested()I: its loops span ").contains("deeply nested", "more than the 250000"));
        assertThat(r.findings()).extracting(Finding::method).contains("plain").doesNotContain("nested");
    }

    @Test
    void ordinaryNestingIsAnalyzed() {
        Analysis.Result r = new Analysis(NOTHING, List.of(TestRules.EVERY_LOOP)).analyze(List.of(nestedLoops(20)));
        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).extracting(Finding::method).contains("nested", "plain");
    }
}
