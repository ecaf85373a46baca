import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.WordUtils;

/**
 * Apache Commons Text: 2,000 generated lines of text (HTML special characters, accented letters,
 * ${name} placeholders) each escaped and unescaped with StringEscapeUtils.escapeHtml4 and
 * unescapeHtml4, its placeholders replaced with a StringSubstitutor over a map, wrapped at 40
 * columns with WordUtils.wrap and escaped with StringEscapeUtils.escapeJson, in a loop.
 * One op = the batch of 2,000 lines. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static List<String> generate(int n) {
        Random r = new Random(47);
        String[] words = {"the", "order", "for", "customer", "was", "shipped", "from", "our", "warehouse",
            "near", "café", "Zürich", "naïve", "price", "total", "delivery", "<b>urgent</b>", "&", "A&B",
            "\"quoted\"", "it's", "5 < 7", "x > y", "©", "€", "déjà", "vu", "résumé", "and", "then", "left"};
        String[] keys = {"name", "city", "amount", "date", "order", "agent"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 30 + r.nextInt(60); w > 0; w--) {
                if (sb.length() > 0) sb.append(' ');
                if (r.nextInt(6) == 0) sb.append("${").append(keys[r.nextInt(keys.length)]).append('}');
                else sb.append(words[r.nextInt(words.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        List<String> lines = generate(2000);
        Map<String, String> values = new HashMap<>();
        values.put("name", "Zoë O'Brien");
        values.put("city", "Malmö & Lund");
        values.put("amount", "1,234.50 €");
        values.put("date", "2024-05-17");
        values.put("order", "#A-20931");
        values.put("agent", "<support@example.org>");
        StringSubstitutor substitutor = new StringSubstitutor(values);
        meter("commonstext", seconds);
        long sink = 0;
        while (true) {
            for (String line : lines) {
                String escaped = StringEscapeUtils.escapeHtml4(line);
                String plain = StringEscapeUtils.unescapeHtml4(escaped);
                String filled = substitutor.replace(plain);
                String wrapped = WordUtils.wrap(filled, 40);
                String json = StringEscapeUtils.escapeJson(wrapped);
                sink += escaped.length() + json.length();
            }
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
