package dev.hoist.core.sampling;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.agent.ClassBytesAgent;
import dev.hoist.core.jvm.Attach;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.TargetClassBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a warm target's hot code carry full debug info before the samples that count. Code that
 * C2 compiled before any agent asked for compiled-method-load events keeps only safepoint debug
 * info, so AsyncGetCallTrace maps its PCs to the wrong inlined frames (HotSpot debugInfoRec.cpp;
 * async-profiler issue #47). The repair loads async-profiler (whose agent turns on full debug
 * info for new compilations), then has Hoist's Java agent run one no-op class retransformation:
 * in a JVM started without agents HotSpot has not recorded evol_method dependencies, so that
 * first redefinition deoptimises all compiled code (jvmtiRedefineClasses.cpp flush_dependent_code).
 * Java 23+ always records those dependencies (JDK-8324241), so there the agent retransforms every
 * modifiable loaded class instead, which deoptimises every method that inlined one of them.
 * The agent returns once the JIT's rate over the last second is back to what it was before the
 * repair (a program still warming up compiles all the time), so sampling started afterwards counts
 * recompiled code. Every failure becomes one line in {@link Outcome#note()}; the
 * caller samples anyway.
 */
public final class DebugInfoRepair {

    /** What the repair did, as one line for the user, and whether it ran. */
    public record Outcome(boolean repaired, String note) {}

    private DebugInfoRepair() {}

    /** Repairs the target's debug info ahead of sampling with the given sampler choice. */
    public static Outcome run(JvmInfo target, Samplers.Choice choice) {
        if (choice == Samplers.Choice.JFR) {
            return new Outcome(false, "debug info not repaired: with JDK Flight Recorder no agent asks the JVM for "
                    + "full debug info, so code compiled before the attach may put samples on the wrong inlined frames");
        }
        long pid = target.pid();
        VirtualMachine vm = null;
        Path result = null;
        Exchange exchange = null;
        try {
            AgentLibrary.Extracted lib = AgentLibrary.extract();
            // another user's JVM loads the library and the agent from copies it can read, the ones sampling uses
            boolean other = Exchange.otherUser(pid);
            Path library = other ? AgentLibrary.sharedCopy(lib) : lib.path();
            Path agent = other ? TargetClassBytes.sharedAgentJar() : TargetClassBytes.agentJar();
            vm = Attach.attach(pid);
            // loading the library is enough: its agent enables compiled-method-load events
            exchange = other ? Exchange.create(pid, "hoist-ap-") : null;
            AsyncProfilerSampler.command(vm, library, pid, "status", exchange);
            // the target writes its answer: into the folder handed to its user when it is another user's
            result = exchange != null ? exchange.file("repair.txt") : Files.createTempFile("hoist-repair-", ".txt");
            Files.deleteIfExists(result);
            vm.loadAgent(agent.toString(),
                    ClassBytesAgent.REPAIR + ClassBytesAgent.ARG_SEPARATOR + result.toAbsolutePath());
            String line = Files.exists(result) ? Files.readString(result, StandardCharsets.UTF_8).strip() : "error no answer";
            if (line.startsWith("error")) {
                return new Outcome(false, "debug info not repaired: " + line.substring(5).strip());
            }
            String[] f = line.split(" ", -1); // stripped above, so no trailing empty fields
            long compileMs = Long.parseLong(f[1]) - Long.parseLong(f[0]);
            long busyBefore = f.length > 3 ? Long.parseLong(f[3]) : 0;
            return new Outcome(true, String.format("repaired debug info: deoptimised compiled code, recompiled in %.1f s "
                    + "(%d ms of JIT time) before sampling%s", Long.parseLong(f[2]) / 1000.0, compileMs,
                    busyBefore >= 50 ? String.format(" (the JIT was already busy before: %d ms per second, still warming up)",
                            busyBefore) : ""));
        } catch (Exception e) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return new Outcome(false, "debug info not repaired: the target JVM exited during the repair");
            }
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Outcome(false, "debug info not repaired: " + why.lines().findFirst().orElse(why));
        } finally {
            Attach.detachQuietly(vm);
            if (exchange != null) exchange.delete();
            if (result != null) {
                try {
                    Files.deleteIfExists(result);
                } catch (Exception ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
