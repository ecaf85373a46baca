package dev.hoist.core.classes;

/**
 * One class file as a {@link ClassSource} found it: its internal name (from the class file's own
 * header, not from the entry path, so {@code BOOT-INF/classes/a/B.class} is {@code a/B}), where it
 * came from for messages ({@code guava.jar!/com/google/Foo.class},
 * {@code app.jar!/BOOT-INF/lib/x.jar!/a/B.class}, {@code jrt:/java.base/java/lang/String.class}),
 * and its bytes. The bytes have passed a cheap check (magic, a version ASM can read, a header
 * that parses); they are never loaded or run.
 */
@SuppressWarnings("ArrayRecordComponent") // a carrier of bytes, never compared or used as a key
public record ClassFile(String internalName, String origin, byte[] bytes) {

    @Override
    public String toString() {
        return internalName + " (" + origin + ", " + bytes.length + " bytes)";
    }
}
