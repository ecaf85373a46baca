import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * jsoup: a generated HTML page of about 900 KB (tables, lists, links, nested divs, entities)
 * parsed with Jsoup.parse, queried with a few CSS selectors (a[href] with absolute URLs,
 * table tr td:eq(2), div.item > span) whose text lengths are summed, and written back with
 * outerHtml(), in a loop. One op = one page. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static String generate(int sections) {
        Random r = new Random(71);
        String[] words = {"price", "caf&eacute;", "Z&uuml;rich", "order", "&amp;", "deliver", "&lt;new&gt;", "stock",
            "&quot;best&quot;", "garden", "&copy;", "lamp", "&euro;", "shelf", "naïve", "&nbsp;", "oak", "kettle"};
        StringBuilder sb = new StringBuilder(400_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Catalogue &ndash; page 1</title>\n")
          .append("<link rel=\"stylesheet\" href=\"/css/site.css\"><script>var page = {id: 1, tags: ['a', 'b']};</script></head>\n<body>\n")
          .append("<div id=\"top\" class=\"header\"><nav><ul class=\"menu\">");
        for (int i = 0; i < 12; i++) sb.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        sb.append("</ul></nav></div>\n<div id=\"main\" class=\"content\">\n");
        for (int s = 0; s < sections; s++) {
            sb.append("<div class=\"section\" id=\"s").append(s).append("\"><h2>Section ").append(s).append(" &mdash; ")
              .append(words[r.nextInt(words.length)]).append("</h2>\n<div class=\"items\">\n");
            for (int i = 4 + r.nextInt(5); i > 0; i--) {
                sb.append("<div class=\"item\" data-id=\"").append(r.nextInt(100_000)).append("\"><span class=\"name\">")
                  .append(words[r.nextInt(words.length)]).append(' ').append(words[r.nextInt(words.length)])
                  .append("</span> <span class=\"price\">").append(r.nextInt(10_000) / 100.0).append(" &euro;</span>")
                  .append("<div class=\"desc\"><p>");
                for (int w = 8 + r.nextInt(20); w > 0; w--) sb.append(words[r.nextInt(words.length)]).append(' ');
                sb.append("<a href=\"/product/").append(r.nextInt(50_000)).append("?ref=s").append(s).append("&amp;pos=").append(i)
                  .append("\">more</a></p></div></div>\n");
            }
            sb.append("</div>\n<table class=\"specs\"><thead><tr><th>SKU</th><th>Name</th><th>Stock</th><th>Price</th></tr></thead><tbody>\n");
            for (int row = 3 + r.nextInt(6); row > 0; row--) {
                sb.append("<tr><td>SKU-").append(Integer.toHexString(r.nextInt())).append("</td><td>")
                  .append(words[r.nextInt(words.length)]).append("</td><td>").append(r.nextInt(500))
                  .append("</td><td>").append(r.nextInt(100_000) / 100.0).append("&nbsp;&euro;</td></tr>\n");
            }
            sb.append("</tbody></table>\n<ul class=\"links\">");
            for (int i = 2 + r.nextInt(4); i > 0; i--) {
                sb.append("<li><a href=\"").append(r.nextBoolean() ? "https://example.org/doc/" : "../related/")
                  .append(r.nextInt(1000)).append("\" title=\"related &amp; similar\">")
                  .append(words[r.nextInt(words.length)]).append("</a>");
            }
            sb.append("</ul>\n");
            if (r.nextInt(4) == 0) sb.append("<p>Unclosed paragraph <b>bold <i>both</b> italic?</i>\n");
            sb.append("</div>\n");
        }
        sb.append("</div>\n<div id=\"footer\"><p>&copy; 2024 Example &amp; Co &lt;shop@example.org&gt;</p></div>\n</body></html>\n");
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String html = generate(300);
        meter("jsoup", seconds);
        long sink = 0;
        while (true) {
            Document doc = Jsoup.parse(html, "https://shop.example.org/catalogue/page1.html");
            long chars = 0;
            for (Element a : doc.select("a[href]")) chars += a.attr("abs:href").length() + a.text().length();
            for (Element td : doc.select("table tr td:eq(2)")) chars += td.text().length();
            for (Element span : doc.select("div.item > span")) chars += span.text().length();
            String out = doc.outerHtml();
            sink += out.length() + chars;
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
