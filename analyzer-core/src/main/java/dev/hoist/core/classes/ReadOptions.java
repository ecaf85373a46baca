package dev.hoist.core.classes;

/**
 * Bounds and choices for reading class sources. The bounds keep a hostile or broken input from
 * exhausting memory or time: a class entry and any other entry read as a stream (a nested jar, a
 * file in one) may each inflate only so far, the whole input (every source of one class path)
 * may inflate only so far and hold only so many entries (a zip bomb is reported in one line and
 * skipped), and nested jars nest only so deep. Nested jars are streamed, never held whole. {@code release} picks
 * the multi-release entries: for each class the highest {@code META-INF/versions/N/} with
 * {@code N <= release}, as the JVM running that release would.
 *
 * @param release          the Java feature release whose multi-release entries are read
 * @param maxClassBytes    the most one class entry may inflate to
 * @param maxNestedJarBytes the most one streamed entry (a nested jar such as BOOT-INF/lib/x.jar, or an
 *                         entry inside one) may inflate to; past it the rest of the jar that holds it is skipped,
 *                         since a stream cannot skip an entry without inflating it
 * @param maxSourceBytes   the most the whole input (every source of one class path) may inflate to
 * @param maxNestingDepth  how many levels of jars inside jars are opened (1: jars in the jar)
 * @param maxEntries       how many zip entries the whole input may hold, at every level
 */
public record ReadOptions(int release, long maxClassBytes, long maxNestedJarBytes, long maxSourceBytes,
                          int maxNestingDepth, long maxEntries) {

    private static final long MIB = 1024L * 1024;

    public ReadOptions {
        if (release < 8 || maxClassBytes <= 0 || maxNestedJarBytes <= 0 || maxSourceBytes <= 0 || maxNestingDepth < 0
                || maxEntries <= 0) {
            throw new IllegalArgumentException("bad read options: release " + release + ", bounds " + maxClassBytes
                    + "/" + maxNestedJarBytes + "/" + maxSourceBytes + ", depth " + maxNestingDepth);
        }
    }

    /**
     * The running JDK's release; 64 MiB per class (far above any real class, whose constant pool
     * and code are bounded by 16-bit counts), 256 MiB per nested jar or streamed entry (Spring
     * Boot's largest libraries are tens of MiB), 4 GiB and a million entries for the whole input
     * (a JDK's own classes are 30,000 entries and about 0.5 GiB), 3 levels.
     */
    public static ReadOptions defaults() {
        return new ReadOptions(Runtime.version().feature(), 64 * MIB, 256 * MIB, 4096 * MIB, 3, 1_000_000);
    }

    public ReadOptions withRelease(int newRelease) {
        return new ReadOptions(newRelease, maxClassBytes, maxNestedJarBytes, maxSourceBytes, maxNestingDepth, maxEntries);
    }

    public ReadOptions withMaxSourceBytes(long bytes) {
        return new ReadOptions(release, maxClassBytes, maxNestedJarBytes, bytes, maxNestingDepth, maxEntries);
    }

    public ReadOptions withMaxNestingDepth(int depth) {
        return new ReadOptions(release, maxClassBytes, maxNestedJarBytes, maxSourceBytes, depth, maxEntries);
    }

    public ReadOptions withMaxEntries(long entries) {
        return new ReadOptions(release, maxClassBytes, maxNestedJarBytes, maxSourceBytes, maxNestingDepth, entries);
    }

    public ReadOptions withMaxNestedJarBytes(long bytes) {
        return new ReadOptions(release, maxClassBytes, bytes, maxSourceBytes, maxNestingDepth, maxEntries);
    }
}
