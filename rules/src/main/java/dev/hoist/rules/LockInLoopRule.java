package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Monitor;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.CostKind;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.SiteProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A lock taken and released on every iteration of a loop: a {@code synchronized} block on the same
 * object each time, {@code Lock.lock()} on the same lock, or a call to a {@code synchronized} method
 * of the program on the same receiver (or a static one). Judged by the lock events the profile
 * recorded at the site (contention), and ranked after the rest when the JIT removes the lock
 * itself (an object created in the method and never shared).
 */
public final class LockInLoopRule implements Rule {
    /** Lock types whose lock() a loop may take per iteration: the interface and the JDK's implementations. */
    private static final Set<String> LOCKS = Set.of("java/util/concurrent/locks/Lock", "java/util/concurrent/locks/ReentrantLock",
            "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock", "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock");

    @Override
    public String id() {
        return "lock-in-loop";
    }

    @Override
    public String title() {
        return "A lock taken on every iteration";
    }

    @Override
    public String mechanism() {
        return "Entering a monitor or a ReentrantLock is an atomic compare-and-swap (since JDK 15 there is no biased locking "
                + "to make an uncontended re-lock cheap), and leaving it a store with release semantics; both are memory "
                + "barriers that keep C2 from moving loads and stores across them. When other threads want the same lock, "
                + "each iteration can also wait, park and be woken. C2 coarsens adjacent lock regions on one object only in "
                + "straight-line code (and across iterations it unrolled), and removes a lock only on an object that escape "
                + "analysis proves is never shared.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            List<Monitor> monitors = loop.monitors();
            for (int k = 0; k < monitors.size(); k++) {
                Monitor m = monitors.get(k);
                if (!m.enter() || m.loop() != loop) continue;
                Locked locked = lockedObject(facts, loop, m.insn());
                if (locked == null) continue;
                out.add(synchronizedFinding(facts, loop, m, locked, exits(monitors, k)));
            }
            for (CallSite c : loop.calls()) {
                if (c.loop() != loop || !c.name().equals("lock") || !c.descriptor().equals("()V") || !LOCKS.contains(c.owner())) continue;
                if (c.receiver() == null || !c.receiver().invariant()) continue;
                out.add(lockFinding(facts, loop, c));
            }
            for (CallSite c : loop.calls()) {
                // in a method's per-call region the lock is a callee's of a callee: "take it around the loop" would be wrong there
                if (c.loop() == loop && !loop.isMethodBody() && synchronizedMethod(c)) out.add(synchronizedCallFinding(facts, loop, c));
            }
        }
        return out;
    }

    /**
     * A call whose one reachable body is a {@code synchronized} method of the program (the JDK's
     * synchronized classes are the per-call locking notice's: their fix is another class), on the same
     * object every iteration: a receiver the loop does not change, or a static method's class.
     */
    private static boolean synchronizedMethod(CallSite c) {
        return c.callee().isSynchronized() && (c.callee().isFinal() || c.callee().implementations() == 1) && !Names.jdk(c.owner())
                && (c.isStatic() || (c.receiver() != null && c.receiver().invariant()));
    }

    /** Whether the finding is about a synchronized method's call: reported at a call that is not a Lock's. */
    private static boolean atSynchronizedCall(Finding f) {
        return f.insn() >= 0 && f.facts().instruction(f.insn()) instanceof MethodInsnNode m && !LOCKS.contains(m.owner);
    }

    /**
     * A synchronized method takes its lock inside the callee, in the same frames as the callee's work,
     * which the fix keeps: only the call's own cost is claimed. Monitors and Lock calls: their time.
     */
    @Override
    public CostKind costKind(Finding finding) {
        return atSynchronizedCall(finding) ? CostKind.CALL_OVERHEAD : costKind();
    }

    /** The object a monitorenter locks, when it is the same on every iteration; null otherwise. */
    private record Locked(String text, boolean unshared) {
    }

    /**
     * javac compiles {@code synchronized (x)} as {@code <x>; dup; astore t; monitorenter}: the
     * expression before the dup is read, and only the forms that denote one object for the whole
     * loop are kept (this, a local the loop never assigns, a field of this or a static field the loop
     * never writes, a class literal).
     */
    private static Locked lockedObject(MethodFacts facts, Loop loop, int enter) {
        if (enter < 3 || facts.instruction(enter - 1).getOpcode() != Opcodes.ASTORE
                || facts.instruction(enter - 2).getOpcode() != Opcodes.DUP) return null;
        int at = enter - 3;
        AbstractInsnNode x = facts.instruction(at);
        boolean isStatic = (facts.method().access & Opcodes.ACC_STATIC) != 0;
        if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD) {
            if (v.var == 0 && !isStatic) return new Locked("this", false);
            if (loop.assignsLocal(v.var)) return null;
            String name = facts.localName(v.var, at);
            return new Locked(name == null ? "lock" : name, unshared(facts, v.var));
        }
        if (x instanceof FieldInsnNode f && !loop.writesFieldKnown(f.name)) {
            if (f.getOpcode() == Opcodes.GETSTATIC) return new Locked(Names.simple(f.owner) + "." + f.name, false);
            if (f.getOpcode() == Opcodes.GETFIELD && at > 0 && facts.instruction(at - 1) instanceof VarInsnNode t
                    && t.getOpcode() == Opcodes.ALOAD && t.var == 0 && !isStatic) {
                return new Locked(f.name, false);
            }
            return null;
        }
        if (x instanceof LdcInsnNode l && l.cst instanceof Type t) {
            return new Locked(Names.simple(t.getInternalName()) + ".class", false);
        }
        return null;
    }

    /**
     * Whether local {@code var} only ever holds an object made with {@code new} in this method and is
     * only ever read to be locked: then nobody else can see it, and C2's escape analysis removes the
     * lock (lock elision).
     */
    private static boolean unshared(MethodFacts facts, int var) {
        boolean stored = false;
        for (int i = 0; i < facts.instructionCount(); i++) {
            AbstractInsnNode x = facts.instruction(i);
            if (!(x instanceof VarInsnNode v) || v.var != var) continue;
            if (v.getOpcode() == Opcodes.ASTORE) {
                if (!(i > 0 && facts.instruction(i - 1) instanceof MethodInsnNode init && init.name.equals("<init>"))) return false;
                stored = true;
            } else if (v.getOpcode() == Opcodes.ALOAD) {
                boolean lockedOnly = i + 3 < facts.instructionCount() && facts.instruction(i + 1).getOpcode() == Opcodes.DUP
                        && facts.instruction(i + 2).getOpcode() == Opcodes.ASTORE
                        && facts.instruction(i + 3).getOpcode() == Opcodes.MONITORENTER;
                if (!lockedOnly) return false;
            }
        }
        return stored;
    }

    /** Whether the finding's monitorenter locks an unshared object, read again from the facts it kept (none: no). */
    private static boolean unsharedAtSite(Finding f) {
        MethodFacts facts = f.facts();
        Loop loop = f.region().orElse(null);
        if (facts == null || loop == null) return false;
        for (int bci : f.siteBcis()) {
            for (int i = 0; i < facts.instructionCount(); i++) {
                if (facts.bci(i) == bci && facts.instruction(i).getOpcode() == Opcodes.MONITORENTER) {
                    Locked locked = lockedObject(facts, loop, i);
                    return locked != null && locked.unshared();
                }
            }
        }
        return false;
    }

    /** The monitorexits that belong to the enter at {@code k}: those after it, up to the next enter. */
    private static int[] exits(List<Monitor> monitors, int k) {
        List<Integer> out = new ArrayList<>();
        for (int j = k + 1; j < monitors.size() && !monitors.get(j).enter(); j++) out.add(monitors.get(j).insn());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private Finding synchronizedFinding(MethodFacts facts, Loop loop, Monitor m, Locked locked, int[] exits) {
        boolean every = facts.everyIteration(loop, m.insn());
        int[] site = new int[exits.length + 1];
        site[0] = m.insn();
        System.arraycopy(exits, 0, site, 1, exits.length);
        if (loop.isMethodBody() && !locked.unshared()) return perCallMonitor(facts, loop, m, locked, site, every);
        String where = " of the loop at lines " + loop.firstLine() + "-" + loop.lastLine();
        String message = "synchronized (" + locked.text() + ") enters and leaves the monitor of " + locked.text()
                + (every ? " on every iteration" : " on some iterations (it is behind a branch)") + where
                + ": an atomic compare-and-swap and a release per iteration, barriers C2 cannot move loads across, and a wait "
                + "whenever another thread holds it. ";
        message += locked.unshared()
                ? locked.text() + " is created in this method and never handed to anyone: C2's escape analysis removes this lock "
                    + "(lock elision) once the method is compiled, so the fix gains little in compiled code."
                : "Take it once around the loop, or once per batch of iterations if other threads must get in between "
                    + "(collect the results in locals and publish them under one lock).";
        return Finding.at(this, facts, loop, m.insn())
                .score(locked.unshared() ? 20 : every ? 55 : 40)
                .confidence(locked.unshared() ? Confidence.LOW : Confidence.MEDIUM)
                .site(site)
                .message(message)
                .fix("for (...) {\n    synchronized (" + locked.text() + ") {\n        ...\n    }\n}",
                        "synchronized (" + locked.text() + ") {\n    for (...) {\n        ...\n    }\n}")
                .build();
    }

    /**
     * A monitor a hot method takes on each call, that a caller's loop makes per iteration: the lock
     * cannot be moved around a loop in another method (FreeMarker's BeanModel locks each bean's own
     * member cache for one lookup), so the fix is a read that needs no lock.
     */
    private Finding perCallMonitor(MethodFacts facts, Loop loop, Monitor m, Locked locked, int[] site, boolean every) {
        return Finding.at(this, facts, loop, m.insn())
                .score(every ? 50 : 35)
                .confidence(Confidence.MEDIUM)
                .site(site)
                .message("synchronized (" + locked.text() + ") enters and leaves the monitor of " + locked.text() + " "
                        + (every ? loop.perIteration() : "on some calls of " + loop.where().replace("each call of ", ""))
                        + ": an atomic compare-and-swap and a release per call, even when no other thread wants it (no biased "
                        + "locking since JDK 15). The lock is taken inside the method, so it cannot be taken once around the "
                        + "caller's loop; where the code under it only reads (a cache lookup), make that read lock-free: a "
                        + "ConcurrentHashMap, or a volatile field read first, with the lock kept only to fill it.")
                .fix("synchronized (" + locked.text() + ") {\n    cached = cache.get(key);\n}",
                        "cached = cache.get(key); // a ConcurrentHashMap: no monitor per call\nif (cached == null) {\n    synchronized ("
                                + locked.text() + ") {\n        ... fill it ...\n    }\n}")
                .build();
    }

    private Finding lockFinding(MethodFacts facts, Loop loop, CallSite c) {
        boolean every = facts.everyIteration(loop, c.insn());
        String lock = c.receiver().nameable() ? c.receiver().text() : "lock";
        List<Integer> site = new ArrayList<>(List.of(c.insn()));
        for (CallSite u : loop.calls()) {
            if (u.loop() == loop && u.name().equals("unlock") && LOCKS.contains(u.owner()) && c.receiver().sameVariable(u.receiver())) {
                site.add(u.insn());
            }
        }
        return Finding.at(this, facts, loop, c.insn())
                .score(every ? 55 : 40)
                .confidence(Confidence.MEDIUM)
                .site(site.stream().mapToInt(Integer::intValue).toArray())
                .message(lock + ".lock() takes the lock" + (every ? " on every iteration" : " on some iterations (it is behind a branch)")
                        + " of the loop at lines " + loop.firstLine() + "-" + loop.lastLine()
                        + ": an atomic compare-and-swap to take it and a release to give it back per iteration, and a park "
                        + "whenever another thread holds it. The JIT never removes a java.util.concurrent lock. Take it once "
                        + "around the loop, or once per batch of iterations if other threads must get in between.")
                .fix("for (...) {\n    " + lock + ".lock();\n    try {\n        ...\n    } finally {\n        " + lock + ".unlock();\n    }\n}",
                        lock + ".lock();\ntry {\n    for (...) {\n        ...\n    }\n} finally {\n    " + lock + ".unlock();\n}")
                .build();
    }

    private Finding synchronizedCallFinding(MethodFacts facts, Loop loop, CallSite c) {
        boolean every = facts.everyIteration(loop, c.insn());
        String type = Names.simple(c.owner());
        // a receiver the source cannot name (no local variable table, an expression) stays a placeholder
        boolean named = c.isStatic() || c.receiver().nameable();
        String lock = c.isStatic() ? type + ".class" : named ? c.receiver().text() : "the " + type;
        String call = Names.call(c, c.isStatic() ? type : named ? c.receiver().text() : Names.decapitalize(type));
        return Finding.at(this, facts, loop, c.insn())
                .score(every ? 55 : 40)
                .confidence(Confidence.MEDIUM)
                .message(call + " calls a synchronized method, which enters and leaves the monitor of " + lock
                        + (every ? " on every iteration" : " on some iterations (it is behind a branch)") + " of the loop at lines "
                        + loop.firstLine() + "-" + loop.lastLine() + ": an atomic compare-and-swap and a release per call, barriers C2 "
                        + "cannot move loads across, and a wait whenever another thread holds it. Give " + type + " a synchronized "
                        + "method that does the whole loop under one lock, or take the lock around the loop: the calls inside then "
                        + "re-enter a monitor the thread holds, which C2 can remove where it inlines them (nested locking).")
                .fix("for (...) {\n    " + call + ";\n}",
                        "synchronized (" + (named ? lock : "<" + lock + ">") + ") {\n    for (...) {\n        "
                                + call + ";\n    }\n}")
                .build();
    }

    /**
     * Lock waits recorded at the site confirm it (the loop competes with other threads for the lock
     * on every iteration); an unshared object's lock is removed by C2 and ranked after the rest; an
     * uncontended lock keeps its confidence, lowered, since all it costs is its atomic instructions.
     */
    @Override
    public Judgement judge(Finding finding, SiteProfile site) {
        SiteProfile.LockWaits waits = site.lockWaits();
        if (waits.events() > 0) {
            return Judgement.confirmed(String.format(Locale.ROOT, "%,d lock waits at the site, %.1f ms waited in all: other "
                    + "threads held the lock while the loop took it", waits.events(), waits.nanos() / 1e6));
        }
        if (unsharedAtSite(finding)) {
            return Judgement.jitRemoves(Confidence.LOW, "the locked object is created in the method and never shared: C2 "
                    + "removes the lock once the method is compiled");
        }
        if (!waits.recorded()) {
            return Judgement.undecided(finding.confidence(), "the recording has no lock events: record with --event lock "
                    + "to see whether other threads wait for it");
        }
        return Judgement.undecided(Judgement.lower(finding.confidence()), "no lock waits at the site: the lock was not "
                + "contended, so what it costs is its atomic instructions per iteration");
    }
}
