import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
/** FreeMarker: the driver's template rendered twice over its model (the second render reads the member caches); run with and without the patched BeanModel, compare. */
public class FreemarkerCheck {
    public static void main(String[] a) throws Exception {
        StringTemplateLoader templates = new StringTemplateLoader();
        templates.putTemplate("orders.ftlh", Driver.TEMPLATE);
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(templates);
        cfg.setLocale(Locale.US);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        Map<String, Object> root = Driver.model(5000);
        String first = render(cfg, root);
        String second = render(cfg, root);
        System.out.println(first.length() + " " + first.hashCode() + " second-equal=" + first.equals(second));
    }
    static String render(Configuration cfg, Map<String, Object> root) throws Exception {
        StringWriter out = new StringWriter();
        cfg.getTemplate("orders.ftlh").process(root, out);
        return out.toString();
    }
}
