import org.json.simple.JSONArray;
import org.json.simple.JSONValue;
import org.json.simple.parser.JSONParser;
/** json-simple: the driver's document and a few edge cases parsed and written back; run with and without the patched classes, compare. */
public class JsonSimpleCheck {
    public static void main(String[] a) throws Exception {
        String text = Driver.generate(3000);
        String out = ((JSONArray) new JSONParser().parse(text)).toJSONString();
        String edge = "[1, -0.0, 1e5, 0.1, 12345678901234567, \"x\\u00e9\\n\\\"q\\\"\\/\\t\\u0001\", true, null, {\"a\":[], \"b\": {\"c\": -7}}]";
        String edgeOut = JSONValue.toJSONString(new JSONParser().parse(edge));
        System.out.println(out.length() + " " + out.hashCode() + " " + text.equals(out) + " " + edgeOut);
    }
}
