/**
 * Reading classes safely: class files from jars (multi-release and nested, such as Spring Boot's
 * {@code BOOT-INF/lib}), directories, single files and the running JDK's {@code jrt:} image, as
 * bytes that are never loaded or run. {@link dev.hoist.core.classes.ClassSource} streams
 * {@link dev.hoist.core.classes.ClassFile}s and reports each unreadable thing (corrupt or
 * truncated class, damaged jar, zip bomb, class newer than ASM) as one
 * {@link dev.hoist.core.classes.Problem} line to a {@link dev.hoist.core.classes.ProblemSink}, then
 * goes on; {@link dev.hoist.core.classes.ClassPath} indexes several sources and is the
 * {@link dev.hoist.core.classes.ClassLookup} the bytecode facts use.
 */
package dev.hoist.core.classes;
