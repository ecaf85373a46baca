import java.io.StringReader;
import org.apache.commons.csv.*;
public class CsvCheck {
    public static void main(String[] a) throws Exception {
        String csv = Driver.generate(20_000);
        StringBuilder out = new StringBuilder();
        try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(false).get());
             CSVPrinter pr = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            pr.printRecord(p.getHeaderNames());
            for (CSVRecord r : p) pr.printRecord(r);
            pr.printRecord("a,b", "say \"x\"", null, "line\nbreak", 42);
        }
        System.out.println(out.length() + " " + out.toString().hashCode() + " equals-input-prefix=" + out.toString().startsWith(csv.replace("\n", "\r\n").substring(0, 1000)));
    }
}
