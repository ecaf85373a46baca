package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MethodQueryTest {
    private static final MethodRef CHURN = new MethodRef(ProfileWorkload.class.getName(), "churn", "(I)I");

    @Test
    void wholeMethodEqualsTheMethodsTotalsAndAnEmptySetNothing() throws Exception {
        for (Path file : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            Profile p = ProfileReader.read(file);
            MethodQuery q = MethodQuery.of(p, CHURN);
            BitSet all = new BitSet();
            all.set(0, 65536);
            MethodQuery.LoopSamples whole = q.samples(EventKind.CPU, all);
            MethodStats.MethodStat stat = MethodStats.of(p, EventKind.CPU).method(p.methodIndex(CHURN));
            long unknownBci = unknownBciSamples(p);
            assertThat(whole.methodTotal()).isEqualTo(stat.total());
            assertThat(whole.inclusive()).as(file.toString()).isEqualTo(stat.total() - unknownBci);
            assertThat(whole.self()).isLessThanOrEqualTo(stat.self());
            assertThat(q.samples(EventKind.CPU, new BitSet())).isEqualTo(new MethodQuery.LoopSamples(0, 0, stat.total()));
        }
    }

    @Test
    void theAddCallInTheLoopShowsBoxingAndGrowth() throws Exception {
        BitSet addLine = bcisOfLineCalling("churn", "add");
        assertThat(addLine.isEmpty()).isFalse();
        for (Path file : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            Profile p = ProfileReader.read(file);
            MethodQuery q = MethodQuery.of(p, CHURN);
            List<MethodQuery.AllocStat> types = q.allocationsByType(addLine);
            assertThat(types).extracting(MethodQuery.AllocStat::name).as(file.toString()).contains("java.lang.Integer");
            List<MethodQuery.AllocStat> callees = q.allocationCallees(addLine);
            assertThat(callees).extracting(MethodQuery.AllocStat::name).as(file.toString())
                    .contains("java.lang.Integer.valueOf");
            // everything allocated on that line is under it: the callee sums cannot exceed the type sums
            long typeBytes = types.stream().mapToLong(MethodQuery.AllocStat::bytes).sum();
            assertThat(callees).allSatisfy(c -> assertThat(c.bytes()).isLessThanOrEqualTo(typeBytes));
            List<MethodQuery.Callee> cpuCallees = q.callees(EventKind.CPU, addLine);
            assertThat(cpuCallees).isNotEmpty();
            assertThat(cpuCallees).extracting(c -> c.method().displayName())
                    .containsAnyOf("java.lang.Integer.valueOf", "java.util.ArrayList.add");
        }
        // ArrayList.grow under the site is async-profiler's evidence of an unsized list
        MethodQuery ap = MethodQuery.of(ProfileReader.read(Recordings.asyncProfiler()), CHURN);
        assertThat(ap.allocationCallees(addLine)).extracting(MethodQuery.AllocStat::name).contains("java.util.ArrayList.grow");
    }

    private static long unknownBciSamples(Profile p) {
        int m = p.methodIndex(CHURN);
        long n = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) != EventKind.CPU) {
                continue;
            }
            for (int f : p.stackFrames(p.stack(i))) {
                if (p.frame(f).methodIndex() == m) {
                    n += p.frame(f).bci() < 0 ? p.sampleCount(i) : 0;
                    break;
                }
            }
        }
        return n;
    }

    /** The bytecode indexes of the source line that calls {@code callee} in {@code method}, from the class file. */
    static BitSet bcisOfLineCalling(String method, String callee) throws Exception {
        List<int[]> lineStarts = new ArrayList<>(); // {line, offset}
        int[] target = {-1};
        try (InputStream in = ProfileWorkload.class.getResourceAsStream("ProfileWorkload.class")) {
            // labels only know their offsets once a writer has placed them; an unchanged copy keeps the offsets
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    MethodVisitor next = super.visitMethod(access, name, desc, sig, ex);
                    if (!name.equals(method)) {
                        return next;
                    }
                    return new MethodVisitor(Opcodes.ASM9, next) {
                        int line;

                        @Override
                        public void visitLineNumber(int l, Label start) {
                            super.visitLineNumber(l, start);
                            line = l;
                            lineStarts.add(new int[] {l, start.getOffset()});
                        }

                        @Override
                        public void visitMethodInsn(int op, String owner, String name, String d, boolean itf) {
                            super.visitMethodInsn(op, owner, name, d, itf);
                            if (name.equals(callee)) {
                                target[0] = line;
                            }
                        }
                    };
                }
            }, 0);
        }
        lineStarts.sort((a, b) -> Integer.compare(a[1], b[1]));
        BitSet bcis = new BitSet();
        for (int i = 0; i < lineStarts.size(); i++) {
            if (lineStarts.get(i)[0] == target[0]) {
                int end = i + 1 < lineStarts.size() ? lineStarts.get(i + 1)[1] : 65536;
                bcis.set(lineStarts.get(i)[1], end);
            }
        }
        return bcis;
    }
}
