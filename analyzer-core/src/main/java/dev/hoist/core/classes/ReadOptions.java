package dev.hoist.core.classes;

/**
 * Bounds and choices for reading class sources. The bounds keep a hostile or broken input from
 * exhausting memory: a class entry, a nested jar and a whole source may each inflate only so far
 * (a zip bomb is reported and skipped), and nested jars nest only so deep. {@code release} picks
 * the multi-release entries: for each class the highest {@code META-INF/versions/N/} with
 * {@code N <= release}, as the JVM running that release would.
 *
 * @param release          the Java feature release whose multi-release entries are read
 * @param maxClassBytes    the most one class entry may inflate to
 * @param maxNestedJarBytes the most one nested jar (BOOT-INF/lib/x.jar) may inflate to
 * @param maxSourceBytes   the most everything read from one source may inflate to
 * @param maxNestingDepth  how many levels of jars inside jars are opened (1: jars in the jar)
 */
public record ReadOptions(int release, long maxClassBytes, long maxNestedJarBytes, long maxSourceBytes,
                          int maxNestingDepth) {

    private static final long MIB = 1024L * 1024;

    public ReadOptions {
        if (release < 8 || maxClassBytes <= 0 || maxNestedJarBytes <= 0 || maxSourceBytes <= 0 || maxNestingDepth < 0) {
            throw new IllegalArgumentException("bad read options: release " + release + ", bounds " + maxClassBytes
                    + "/" + maxNestedJarBytes + "/" + maxSourceBytes + ", depth " + maxNestingDepth);
        }
    }

    /**
     * The running JDK's release; 64 MiB per class (far above any real class, whose constant pool
     * and code are bounded by 16-bit counts), 512 MiB per nested jar, 4 GiB per source, 3 levels.
     */
    public static ReadOptions defaults() {
        return new ReadOptions(Runtime.version().feature(), 64 * MIB, 512 * MIB, 4096 * MIB, 3);
    }

    public ReadOptions withRelease(int newRelease) {
        return new ReadOptions(newRelease, maxClassBytes, maxNestedJarBytes, maxSourceBytes, maxNestingDepth);
    }

    public ReadOptions withMaxSourceBytes(long bytes) {
        return new ReadOptions(release, maxClassBytes, maxNestedJarBytes, bytes, maxNestingDepth);
    }

    public ReadOptions withMaxNestingDepth(int depth) {
        return new ReadOptions(release, maxClassBytes, maxNestedJarBytes, maxSourceBytes, depth);
    }
}
