import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
/** jsoup: every absolute link of the driver's page, and links with control characters; run with and without the patched StringUtil, compare. */
public class JsoupCheck {
    public static void main(String[] a) throws Exception {
        Document doc = Jsoup.parse(Driver.generate(300), "https://shop.example.org/catalogue/page1.html");
        StringBuilder all = new StringBuilder();
        for (Element e : doc.select("a[href]")) all.append(e.attr("abs:href")).append('\n');
        Document odd = Jsoup.parse("<a href='/x\ty/z'>t</a><a href='\u0001rel\npath?q=1'>n</a><a href='../up'>u</a>",
                "https://h.example/a/b\u0002c/");
        for (Element e : odd.select("a[href]")) all.append(e.attr("abs:href")).append('\n');
        System.out.println(all.length() + " " + all.toString().hashCode() + " " + all.substring(all.length() - 120).replace('\n', '|'));
    }
}
