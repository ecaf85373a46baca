package dev.hoist.core.classes;

import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * What the index keeps of a class once its bytes may be dropped: its place in the type hierarchy
 * and its methods' names, descriptors and access flags. Read with {@code SKIP_CODE}, so it costs a
 * pass over the constant pool and the member tables, not over any code.
 */
final class ClassHeader {
    private static final String[] NONE = new String[0];

    final String name;
    final String superName;
    final String[] interfaces;
    final int access;
    private final String[] methodNames;
    private final String[] methodDescs;
    private final int[] methodAccess;

    private ClassHeader(String name, String superName, String[] interfaces, int access,
                        String[] methodNames, String[] methodDescs, int[] methodAccess) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces;
        this.access = access;
        this.methodNames = methodNames;
        this.methodDescs = methodDescs;
        this.methodAccess = methodAccess;
    }

    /**
     * Parses the header; throws a RuntimeException on bytes whose structure does not hold up.
     * {@code strings} shares equal names and descriptors across classes (most are "()V",
     * "<init>", "toString"), which keeps the index of a large class path small; pass null to not
     * share. Walks the member tables by hand with the reader's constant pool rather than through
     * {@code accept}, which would visit every attribute: this is the index's hot path.
     */
    static ClassHeader parse(byte[] bytes, Map<String, String> strings) {
        return parse(bytes, ClassBytes.reader(bytes), strings);
    }

    /**
     * Walks the structure after the constant pool (interfaces, fields, methods, attributes) and
     * fails unless it ends exactly at the last byte, as the JVM requires; decodes no strings, so
     * checking a class costs little beyond ASM's constant pool scan.
     */
    static void checkStructure(byte[] bytes, ClassReader reader) {
        int off = reader.header + 6;
        off += 2 + 2 * reader.readUnsignedShort(off);
        int fieldCount = reader.readUnsignedShort(off);
        off += 2;
        for (int i = 0; i < fieldCount; i++) {
            off = skipAttributes(bytes, reader, off + 6);
        }
        int methodCount = reader.readUnsignedShort(off);
        off += 2;
        for (int i = 0; i < methodCount; i++) {
            off = skipAttributes(bytes, reader, off + 6);
        }
        off = skipAttributes(bytes, reader, off);
        if (off != bytes.length) {
            throw new IllegalArgumentException("structure ends at byte " + off + " of " + bytes.length);
        }
    }

    static ClassHeader parse(byte[] bytes, ClassReader reader, Map<String, String> strings) {
        char[] buf = new char[reader.getMaxStringLength()];
        int off = reader.header;
        int access = reader.readUnsignedShort(off);
        String name = share(reader.readClass(off + 2, buf), strings);
        String superName = share(reader.readClass(off + 4, buf), strings);
        int interfaceCount = reader.readUnsignedShort(off + 6);
        off += 8;
        String[] interfaces = interfaceCount == 0 ? NONE : new String[interfaceCount];
        for (int i = 0; i < interfaceCount; i++, off += 2) {
            interfaces[i] = share(reader.readClass(off, buf), strings);
        }
        int fieldCount = reader.readUnsignedShort(off);
        off += 2;
        for (int i = 0; i < fieldCount; i++) {
            off = skipAttributes(bytes, reader, off + 6);
        }
        int methodCount = reader.readUnsignedShort(off);
        off += 2;
        String[] names = new String[methodCount];
        String[] descs = new String[methodCount];
        int[] accs = new int[methodCount];
        for (int i = 0; i < methodCount; i++) {
            accs[i] = reader.readUnsignedShort(off);
            names[i] = share(reader.readUTF8(off + 2, buf), strings);
            descs[i] = share(reader.readUTF8(off + 4, buf), strings);
            off = skipAttributes(bytes, reader, off + 6);
        }
        off = skipAttributes(bytes, reader, off);
        if (off != bytes.length) {
            // the JVM rejects a class whose structure does not end exactly at its last byte
            throw new IllegalArgumentException("structure ends at byte " + off + " of " + bytes.length);
        }
        if (name == null || names.length != descs.length) {
            throw new IllegalArgumentException("no class name");
        }
        for (int i = 0; i < methodCount; i++) {
            if (names[i] == null || descs[i] == null) {
                throw new IllegalArgumentException("method " + i + " has no name or descriptor");
            }
        }
        return new ClassHeader(name, superName, interfaces, access, names, descs, accs);
    }

    /** Skips an attribute table at {@code off}; fails if a length points past the end. */
    private static int skipAttributes(byte[] bytes, ClassReader reader, int off) {
        int count = reader.readUnsignedShort(off);
        off += 2;
        for (int i = 0; i < count; i++) {
            long next = (long) off + 6 + (reader.readInt(off + 2) & 0xFFFFFFFFL);
            if (next > bytes.length) {
                throw new IllegalArgumentException("attribute at byte " + off + " runs past the end (" + bytes.length + " bytes)");
            }
            off = (int) next;
        }
        return off;
    }

    private static String share(String s, Map<String, String> strings) {
        if (s == null || strings == null) {
            return s;
        }
        String shared = strings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    /** Index of the method {@code name descriptor} declared here, or -1. */
    int find(String name, String descriptor) {
        for (int i = 0; i < methodNames.length; i++) {
            if (methodNames[i].equals(name) && methodDescs[i].equals(descriptor)) {
                return i;
            }
        }
        return -1;
    }

    int methodAccess(int index) {
        return methodAccess[index];
    }

    String methodName(int index) {
        return methodNames[index];
    }

    String methodDesc(int index) {
        return methodDescs[index];
    }

    int methodCount() {
        return methodNames.length;
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** Whether an instance of exactly this class can exist, i.e. it can be a call's receiver. */
    boolean isInstantiable() {
        return (access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) == 0;
    }
}
