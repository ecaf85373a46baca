import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
/** commons-text: every translator the driver uses, over its lines; run with and without the patched CharSequenceTranslator, compare. */
public class TextCheck {
    public static void main(String[] a) throws Exception {
        List<String> lines = Driver.generate(2000);
        long h = 0;
        long n = 0;
        for (String line : lines) {
            String e = StringEscapeUtils.escapeHtml4(line);
            String u = StringEscapeUtils.unescapeHtml4(e);
            String j = StringEscapeUtils.escapeJson(u + "\u00e9\ud83d\ude00\t\"");
            String x = StringEscapeUtils.escapeXml10(line + "\u0001");
            h = h * 31 + e.hashCode() + 7 * u.hashCode() + 13 * j.hashCode() + 17 * x.hashCode();
            n += e.length() + u.length() + j.length() + x.length();
            if (!u.equals(line)) throw new AssertionError("round trip changed " + line);
        }
        System.out.println(n + " " + h);
    }
}
