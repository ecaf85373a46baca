package dev.hoist.rules;

import dev.hoist.core.classes.ClassLookup;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The analyzed class path for tests: the classes just compiled from a case file, plus the JDK's
 * own class files read as bytes (never loaded). Implementations are counted among the compiled
 * classes only, the way a real class path counts what the application ships.
 */
final class TestClassLookup implements ClassLookup {
    private final Map<String, byte[]> compiled;
    private final Map<String, ClassNode> nodes = new HashMap<>();

    TestClassLookup(Map<String, byte[]> compiled) {
        this.compiled = compiled;
    }

    @Override
    public Optional<byte[]> classBytes(String internalName) {
        byte[] b = compiled.get(internalName);
        if (b != null) return Optional.of(b);
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ClassNode node(String name) {
        return nodes.computeIfAbsent(name, n -> classBytes(n).map(b -> {
            ClassNode c = new ClassNode();
            new ClassReader(b).accept(c, ClassReader.SKIP_CODE);
            return c;
        }).orElse(null));
    }

    private boolean subtype(String c, String owner, Set<String> seen) {
        if (c == null || !seen.add(c)) return false;
        if (c.equals(owner)) return true;
        ClassNode n = node(c);
        if (n == null) return false;
        if (subtype(n.superName, owner, seen)) return true;
        for (String i : n.interfaces) if (subtype(i, owner, seen)) return true;
        return false;
    }

    @Override
    public int implementationCount(String owner, String name, String descriptor) {
        if (node(owner) == null) return -1;
        int count = 0;
        List<String> names = new ArrayList<>(compiled.keySet());
        for (String c : names) {
            if (!subtype(c, owner, new HashSet<>())) continue;
            for (MethodNode m : node(c).methods) {
                if (m.name.equals(name) && m.desc.equals(descriptor) && (m.access & Opcodes.ACC_ABSTRACT) == 0) count++;
            }
        }
        return count;
    }

    @Override
    public java.util.List<String> implementingClasses(String owner, String name, String descriptor) {
        if (node(owner) == null) return java.util.List.of();
        java.util.List<String> out = new ArrayList<>();
        for (String c : new ArrayList<>(compiled.keySet())) {
            if (!subtype(c, owner, new HashSet<>())) continue;
            for (MethodNode m : node(c).methods) {
                if (m.name.equals(name) && m.desc.equals(descriptor) && (m.access & Opcodes.ACC_ABSTRACT) == 0) out.add(c);
            }
        }
        return out.stream().sorted().toList();
    }
}
