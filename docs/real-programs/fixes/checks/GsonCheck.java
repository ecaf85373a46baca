import java.util.List;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
public class GsonCheck {
    public static void main(String[] a) throws Exception {
        Gson g = new Gson();
        var type = new TypeToken<List<Driver.Event>>() { }.getType();
        String json = g.toJson(Driver.generate(2000), type);
        List<Driver.Event> back = g.fromJson(json, type);
        String again = g.toJson(back, type);
        System.out.println(json.length() + " " + json.hashCode() + " roundtrip-equal=" + json.equals(again) + " via-writer-equal=" + json.equals(viaWriter(g, back, type)));
    }
    static String viaWriter(Gson g, Object o, java.lang.reflect.Type t) { var w = new java.io.StringWriter(); g.toJson(o, t, w); return w.toString(); }
}
