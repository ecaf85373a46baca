package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The string concatenation facts: {@code invokedynamic makeConcat(WithConstants)} and
 * {@code StringBuilder} chains ending in {@code toString()}, with their parts as source text and
 * the variable a concatenation carries from one iteration into the next ({@code s += x}).
 */
final class ConcatFacts {
    private final MethodFacts f;

    ConcatFacts(MethodFacts f) {
        this.f = f;
    }

    /** An invokedynamic string concatenation in loop {@code lb}. */
    void indy(int i, InvokeDynamicInsnNode d, Loop.Builder lb) {
        Loop l = lb.loop();
        String carried = null;
        for (int c : f.flow.consumers(i)) carried = carriedTarget(l, c, f.flow.operands(i));
        lb.add(new StringConcat(i, f.line(i), true, carried, indyParts(l, i, d), l));
    }

    /** The operands of a makeConcat(WithConstants) call, with the recipe's constants, in order. */
    private List<String> indyParts(Loop l, int i, InvokeDynamicInsnNode d) {
        List<String> parts = new ArrayList<>();
        Type[] types = Type.getArgumentTypes(d.desc);
        SourceValue[] ops = f.flow.operands(i);
        if (ops == null) return parts;
        if (d.name.equals("makeConcatWithConstants") && d.bsmArgs.length > 0 && d.bsmArgs[0] instanceof String recipe) {
            int arg = 0, cst = 1;
            StringBuilder lit = new StringBuilder();
            for (int k = 0; k < recipe.length(); k++) {
                char ch = recipe.charAt(k);
                if (ch == '\u0001' || ch == '\u0002') {
                    if (lit.length() > 0) parts.add(SourceText.quote(lit.toString()));
                    lit.setLength(0);
                    if (ch == '\u0001' && arg < ops.length) {
                        parts.add(f.text.operandText(l, i, ops[arg], types[arg]));
                        arg++;
                    } else if (ch == '\u0002' && cst < d.bsmArgs.length) {
                        parts.add(SourceText.quote(String.valueOf(d.bsmArgs[cst++])));
                    }
                } else {
                    lit.append(ch);
                }
            }
            if (lit.length() > 0) parts.add(SourceText.quote(lit.toString()));
        } else {
            for (int k = 0; k < ops.length; k++) parts.add(f.text.operandText(l, i, ops[k], types[k]));
        }
        return parts;
    }

    /**
     * If concatenation result consumer {@code c} assigns a local or field that one of the
     * concatenated parts reads, and that value is carried from the previous iteration, its name.
     */
    private String carriedTarget(Loop l, int c, SourceValue[] parts) {
        AbstractInsnNode store = f.insns[c];
        if (store.getOpcode() == Opcodes.CHECKCAST && f.flow.consumers(c).length == 1) {
            c = f.flow.consumers(c)[0];
            store = f.insns[c];
        }
        if (store instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE) {
            for (SourceValue p : parts) {
                for (AbstractInsnNode s : p.insns) {
                    int si = f.flow.index(s);
                    int li = throughValueOf(si);
                    if (f.insns[li] instanceof VarInsnNode ld && ld.getOpcode() == Opcodes.ALOAD && ld.var == v.var) {
                        for (AbstractInsnNode def : f.flow.operands(li)[0].insns) {
                            int di = f.flow.index(def);
                            if (l.contains(di) && di >= li) return f.text.name(v.var, c);
                        }
                    }
                }
            }
        } else if (store instanceof FieldInsnNode put && (put.getOpcode() == Opcodes.PUTFIELD || put.getOpcode() == Opcodes.PUTSTATIC)) {
            for (SourceValue p : parts) {
                for (AbstractInsnNode s : p.insns) {
                    int li = throughValueOf(f.flow.index(s));
                    if (f.insns[li] instanceof FieldInsnNode g && (g.getOpcode() == Opcodes.GETFIELD || g.getOpcode() == Opcodes.GETSTATIC) && g.name.equals(put.name)) {
                        return SourceText.assignedField(put);
                    }
                }
            }
        }
        return null;
    }

    private int throughValueOf(int si) {
        if (f.insns[si] instanceof MethodInsnNode m && m.name.equals("valueOf") && m.owner.equals("java/lang/String")
                && f.flow.operands(si) != null && f.flow.operands(si).length == 1 && f.flow.operands(si)[0].insns.size() == 1) {
            return f.flow.index(f.flow.operands(si)[0].insns.iterator().next());
        }
        if (f.insns[si].getOpcode() == Opcodes.CHECKCAST && f.flow.operands(si) != null && f.flow.operands(si)[0].insns.size() == 1) {
            return f.flow.index(f.flow.operands(si)[0].insns.iterator().next());
        }
        return si;
    }

    /** A {@code StringBuilder.toString()}: the append chain back to its {@code new StringBuilder}, if it is one. */
    void builder(int i, Loop.Builder lb) {
        Loop l = lb.loop();
        // Walk the append chain back to the NEW StringBuilder, collecting the appended parts.
        List<SourceValue> parts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        SourceValue recv = f.flow.operands(i)[0];
        for (int guard = 0; guard < 64 && recv.insns.size() == 1; guard++) {
            int si = f.flow.index(recv.insns.iterator().next());
            AbstractInsnNode s = f.insns[si];
            if (s instanceof MethodInsnNode m && m.owner.equals("java/lang/StringBuilder") && m.name.equals("append") && f.flow.operands(si) != null) {
                parts.add(f.flow.operands(si)[1]);
                texts.add(0, f.text.operandText(l, si, f.flow.operands(si)[1], Type.getArgumentTypes(m.desc)[0]));
                recv = f.flow.operands(si)[0];
            } else if (s.getOpcode() == Opcodes.DUP && f.flow.operands(si) != null) {
                // ASM gives both copies of a dup the dup as source; the builder is the dup's operand.
                recv = f.flow.operands(si)[0];
            } else if (s.getOpcode() == Opcodes.NEW) {
                for (int c : f.flow.consumers(si)) {
                    if (f.insns[c].getOpcode() != Opcodes.DUP) continue;
                    for (int c2 : f.flow.consumers(c)) {
                        if (f.insns[c2] instanceof MethodInsnNode init && init.name.equals("<init>") && f.flow.operands(c2).length == 2
                                && !init.desc.equals("(I)V")) {
                            parts.add(f.flow.operands(c2)[1]);
                            texts.add(0, f.text.operandText(l, c2, f.flow.operands(c2)[1], Type.getArgumentTypes(init.desc)[0]));
                        }
                    }
                }
                String carried = null;
                for (int c : f.flow.consumers(i)) {
                    String t = carriedTarget(l, c, parts.toArray(new SourceValue[0]));
                    if (t != null) carried = t;
                }
                lb.add(new StringConcat(i, f.line(i), false, carried, texts, l));
                return;
            } else {
                return;
            }
        }
    }
}
