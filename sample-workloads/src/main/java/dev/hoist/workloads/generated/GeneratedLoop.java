package dev.hoist.workloads.generated;

import dev.hoist.workloads.Runner;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * A workload whose hot loop lives in a class that exists only in memory, like the classes that
 * code generators, scripting engines and plugin loaders make: at start-up it compiles
 * {@value #GENERATED} with javax.tools and defines it with its own class loader, so no jar or
 * folder on any path holds its bytes. The loop sums request sizes into a {@code Long} (boxing on
 * every addition). It prints {@code generated <class name>}, {@code hidden <name of a lambda's
 * hidden class>} and then {@code ready}, and runs until killed or {@code --seconds N}. Needs a JDK
 * (javax.tools), not a bare JRE.
 */
public final class GeneratedLoop {
    /** The binary name of the class compiled at run time. */
    public static final String GENERATED = "dev.hoist.workloads.generated.rt.Tally";

    static final String SOURCE = """
            package dev.hoist.workloads.generated.rt;

            public final class Tally implements java.util.function.LongSupplier {
                private final int[] sizes;

                public Tally(int[] sizes) {
                    this.sizes = sizes;
                }

                @Override
                public long getAsLong() {
                    Long total = 0L;
                    for (int i = 0; i < sizes.length; i++) {
                        if (sizes[i] > 100) {
                            total += sizes[i];
                        }
                    }
                    return total;
                }
            }
            """;

    private GeneratedLoop() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> classes = compile(GENERATED, SOURCE);
        ClassLoader loader = new InMemoryLoader(classes, GeneratedLoop.class.getClassLoader());
        int[] sizes = new Random(7).ints(50_000, 0, 1_000_000).toArray();
        LongSupplier tally = (LongSupplier) loader.loadClass(GENERATED).getConstructor(int[].class).newInstance((Object) sizes);
        Runnable marker = () -> { };
        for (int i = 0; i < 2_000; i++) {
            Runner.consume(tally.getAsLong());
        }
        System.out.println("generated " + tally.getClass().getName());
        System.out.println("hidden " + marker.getClass().getName());
        System.out.println("ready");
        System.out.flush();
        Runner.runPasses(args, "Tally", tally);
    }

    /** Compiles one source file in memory; the class files by binary name. */
    static Map<String, byte[]> compile(String className, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run GeneratedLoop on a JDK");
        }
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        JavaFileObject src = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(name, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        StringWriter log = new StringWriter();
        // -proc:none: annotation processors on our class path (JMH's) have nothing to do here
        boolean ok = javac.getTask(log, files, null, List.of("-proc:none", "-g"), null, List.of(src)).call();
        if (!ok) {
            throw new IllegalStateException("compiling " + className + " failed: " + log);
        }
        Map<String, byte[]> bytes = new HashMap<>();
        out.forEach((k, v) -> bytes.put(k, v.toByteArray()));
        return bytes;
    }

    /** Defines the compiled classes itself, so the JDK never finds them on any path. */
    static final class InMemoryLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        InMemoryLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("generated", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
