import org.json.JSONArray;
import org.json.JSONTokener;
/** org.json: the driver's document and a few edge cases parsed and written back; run with and without the patched JSONTokener, compare. */
public class OrgJsonCheck {
    public static void main(String[] a) throws Exception {
        String text = Driver.generate(4000);
        String out = new JSONArray(text).toString();
        String edge = "[1, -0.0, 1e5, 0.1, 12345678901234567890, \"x\\u00e9\\n\\\"q\\\"\", true, null, {\"a\":[], \"b\": {\"c\": -7}}, 'single', unquoted]";
        String edgeOut = new JSONArray(edge).toString();
        JSONTokener t = new JSONTokener("abc");
        String moved = "" + t.next() + t.more() + t.next() + t.next() + t.more();
        t.back();
        moved += t.next();
        System.out.println(out.length() + " " + out.hashCode() + " " + edgeOut + " " + moved);
    }
}
