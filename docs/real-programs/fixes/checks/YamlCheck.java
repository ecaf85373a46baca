import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
public class YamlCheck {
    public static void main(String[] a) {
        String doc = Driver.generate(1500) + "extra: \"line one\\nline two\"\nnel: \"a\\Nb\"\nls: \"a\\Lb\"\nps: \"a\\Pb\"\nplain: no break here\n";
        LoaderOptions lo = new LoaderOptions(); lo.setCodePointLimit(50 * 1024 * 1024);
        Object data = new Yaml(lo).load(doc);
        DumperOptions o = new DumperOptions(); o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String out = new Yaml(o).dump(data);
        System.out.println(out.length() + " " + out.hashCode() + " " + out.contains("|-") );
    }
}
