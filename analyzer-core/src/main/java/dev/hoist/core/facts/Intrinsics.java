package dev.hoist.core.facts;

import java.util.Set;

/**
 * What HotSpot's C2 knows about some JDK methods regardless of their bytecode: natives it compiles
 * as intrinsics (System.arraycopy, Math, Double.longBitsToDouble, Unsafe plain accesses), which are
 * not opaque calls; Unsafe and VarHandle-style ordered or atomic accesses, which are memory
 * barriers; and methods that wait for another thread. The lists follow vmIntrinsics.hpp of JDK 17
 * for the methods that matter in loops; they are not exhaustive.
 */
public final class Intrinsics {
    private Intrinsics() {
    }

    private static final Set<String> INTRINSIC = Set.of(
            "java/lang/System.arraycopy", "java/lang/System.nanoTime", "java/lang/System.currentTimeMillis",
            "java/lang/System.identityHashCode", "java/lang/Object.getClass", "java/lang/Object.hashCode",
            "java/lang/Thread.currentThread", "java/lang/Thread.onSpinWait", "java/lang/Class.isInstance",
            "java/lang/Class.isArray", "java/lang/Class.isPrimitive", "java/lang/Class.getModifiers",
            "java/lang/Class.isInterface", "java/lang/Class.getSuperclass", "java/lang/Class.cast",
            "java/lang/reflect/Array.newInstance", "java/lang/reflect/Array.getLength", "java/util/Arrays.copyOf",
            "java/util/Arrays.copyOfRange", "java/lang/String.equals", "java/lang/String.indexOf",
            "java/lang/String.compareTo", "java/lang/StringLatin1.indexOf", "java/lang/Integer.numberOfLeadingZeros",
            "java/lang/Integer.numberOfTrailingZeros", "java/lang/Long.numberOfLeadingZeros",
            "java/lang/Long.numberOfTrailingZeros", "java/lang/Integer.bitCount", "java/lang/Long.bitCount",
            "java/lang/Integer.reverseBytes", "java/lang/Long.reverseBytes");

    private static final Set<String> INTRINSIC_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath",
            "java/lang/Double", "java/lang/Float");

    private static final Set<String> UNSAFE = Set.of("sun/misc/Unsafe", "jdk/internal/misc/Unsafe");

    private static final Set<String> WAITS = Set.of("wait", "sleep", "park", "parkNanos", "parkUntil", "await",
            "awaitNanos", "awaitUntil", "awaitUninterruptibly", "lock", "lockInterruptibly", "tryLock", "join",
            "acquire", "tryAcquire", "take", "poll", "timedWait", "timedJoin", "acquireUninterruptibly");

    /** A JDK method C2 compiles inline as an intrinsic, so it neither costs a call nor hides memory effects on fields. */
    public static boolean isIntrinsic(String owner, String name) {
        if (UNSAFE.contains(owner)) return !isBarrier(owner, name);
        return INTRINSIC_OWNERS.contains(owner) || INTRINSIC.contains(owner + "." + name);
    }

    /** An Unsafe access with ordering or atomicity: C2 emits a memory barrier for it. */
    public static boolean isBarrier(String owner, String name) {
        if (!UNSAFE.contains(owner)) return false;
        return name.contains("Volatile") || name.contains("compareAnd") || name.startsWith("getAnd")
                || name.contains("Acquire") || name.contains("Release") || name.endsWith("Fence")
                || name.startsWith("putOrdered") || name.startsWith("weakCompare");
    }

    /** A call that blocks or spins until another thread acts (Object.wait, LockSupport.park, Condition.await, ...). */
    public static boolean waits(String owner, String name) {
        if (!WAITS.contains(name)) return false;
        if (name.equals("take") || name.equals("poll")) return owner.contains("BlockingQueue") || owner.contains("BlockingDeque");
        if (name.equals("join")) return owner.equals("java/lang/Thread");
        return true;
    }
}
