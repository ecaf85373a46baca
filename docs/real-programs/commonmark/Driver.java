import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * commonmark-java: a generated Markdown document of about 400 KB (headings, paragraphs with
 * emphasis, links and code spans, lists, block quotes, fenced code) parsed and rendered to HTML, in
 * a loop. One op = one document parsed and rendered. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static String generate(int sections) {
        Random r = new Random(7);
        String[] words = {"profiler", "loop", "allocation", "sample", "JIT", "inline", "escape", "heap", "thread",
                "stack", "frame", "method", "class", "field", "array", "string", "copy", "buffer", "hash", "map"};
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sections; s++) {
            sb.append("## Section ").append(s).append(" about ").append(words[r.nextInt(words.length)]).append("\n\n");
            for (int p = 0; p < 3; p++) {
                for (int w = 0; w < 60; w++) {
                    String word = words[r.nextInt(words.length)];
                    switch (r.nextInt(12)) {
                        case 0 -> sb.append('*').append(word).append('*');
                        case 1 -> sb.append("**").append(word).append("**");
                        case 2 -> sb.append('`').append(word).append("()`");
                        case 3 -> sb.append('[').append(word).append("](https://example.org/").append(word).append('/').append(r.nextInt(100)).append(')');
                        default -> sb.append(word);
                    }
                    sb.append(w % 17 == 16 ? "\n" : " ");
                }
                sb.append("\n\n");
            }
            for (int i = 0; i < 5; i++) sb.append("- item ").append(words[r.nextInt(words.length)]).append(" & <b>").append(i).append("</b>\n");
            sb.append("\n> a quoted ").append(words[r.nextInt(words.length)]).append(" line\n> and another\n\n");
            sb.append("```java\nfor (int i = 0; i < n; i++) { sum += a[i]; }\n```\n\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String doc = generate(400);
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer = HtmlRenderer.builder().build();
        meter("commonmark", seconds);
        long sink = 0;
        while (true) {
            Node node = parser.parse(doc);
            sink += renderer.render(node).length();
            OPS.incrementAndGet();
            if (sink == 42) System.out.print("");
        }
    }

    /** Prints "<name>: <n> ops/s" once a second; after `seconds` seconds (0: never) it stops the JVM. */
    static void meter(String name, int seconds) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime(), last = 0;
            for (int s = 1; ; s++) {
                long wait = start + s * 1_000_000_000L - System.nanoTime();
                if (wait > 0) try { Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); } catch (InterruptedException e) { return; }
                long n = OPS.get();
                System.out.println(name + ": " + (n - last) + " ops/s");
                last = n;
                if (seconds > 0 && s >= seconds) { System.out.flush(); Runtime.getRuntime().halt(0); }
            }
        }, "meter");
        t.setDaemon(true);
        t.start();
    }
}
