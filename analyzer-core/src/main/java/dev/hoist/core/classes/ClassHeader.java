package dev.hoist.core.classes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
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
     * Parses the header; throws a RuntimeException on bytes ASM cannot walk. {@code strings}
     * shares equal names and descriptors across classes (most are "()V", "<init>", "toString"),
     * which keeps the index of a large class path small; pass null to not share.
     */
    static ClassHeader parse(byte[] bytes, Map<String, String> strings) {
        ClassReader reader = new ClassReader(bytes);
        List<String> names = new ArrayList<>();
        List<String> descs = new ArrayList<>();
        List<Integer> accs = new ArrayList<>();
        String[] header = new String[2];
        String[][] ifaces = {NONE};
        int[] acc = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                header[0] = name;
                header[1] = superName;
                acc[0] = access;
                if (interfaces != null && interfaces.length > 0) {
                    String[] copy = new String[interfaces.length];
                    for (int i = 0; i < copy.length; i++) {
                        copy[i] = share(interfaces[i], strings);
                    }
                    ifaces[0] = copy;
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                names.add(share(name, strings));
                descs.add(share(descriptor, strings));
                accs.add(access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        int[] ma = new int[accs.size()];
        for (int i = 0; i < ma.length; i++) {
            ma[i] = accs.get(i);
        }
        return new ClassHeader(share(header[0], strings), share(header[1], strings), ifaces[0], acc[0],
                names.toArray(NONE), descs.toArray(NONE), ma);
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
