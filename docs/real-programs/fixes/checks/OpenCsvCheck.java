import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import com.opencsv.bean.CsvToBeanBuilder;
import com.opencsv.bean.StatefulBeanToCsvBuilder;
public class OpenCsvCheck {
    public static void main(String[] a) throws Exception {
        String csv = Driver.generate(5000);
        List<Driver.Order> parsed = new CsvToBeanBuilder<Driver.Order>(new StringReader(csv)).withType(Driver.Order.class).build().parse();
        List<Driver.Order> iterated = new ArrayList<>();
        for (Driver.Order o : new CsvToBeanBuilder<Driver.Order>(new StringReader(csv)).withType(Driver.Order.class).build()) iterated.add(o);
        StringWriter w1 = new StringWriter(), w2 = new StringWriter();
        new StatefulBeanToCsvBuilder<Driver.Order>(w1).build().write(parsed);
        new StatefulBeanToCsvBuilder<Driver.Order>(w2).build().write(iterated);
        System.out.println(parsed.size() + " " + iterated.size() + " same-output=" + w1.toString().equals(w2.toString()) + " " + w1.toString().length());
    }
}
