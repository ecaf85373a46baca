import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Apache Commons CSV: a generated CSV of 20,000 rows with a header (quoted fields with commas and
 * doubled quotes, numbers, dates) parsed with CSVFormat.DEFAULT's header mode, a column summed by
 * name, and every record printed back, in a loop. One op = one file parsed and written.
 * Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static String generate(int rows) {
        Random r = new Random(11);
        String[] cities = {"Lyon", "Zürich", "Kraków", "Porto", "Malmö", "Bilbao", "Gent"};
        StringBuilder sb = new StringBuilder("id,name,city,amount,date,comment\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append("customer-").append(r.nextInt(5000)).append(',')
              .append(cities[r.nextInt(cities.length)]).append(',')
              .append(r.nextInt(100000) / 100.0).append(',')
              .append(String.format("2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))).append(',');
            if (r.nextInt(3) == 0) sb.append("\"said \"\"hi\"\", then left, twice\"");
            else sb.append("plain comment ").append(r.nextInt(1000));
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String csv = generate(20_000);
        CSVFormat in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        meter("csv", seconds);
        long sink = 0;
        while (true) {
            double total = 0;
            StringWriter out = new StringWriter(csv.length() + 1024);
            try (CSVParser parser = CSVParser.parse(new StringReader(csv), in);
                 CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                for (CSVRecord rec : parser) {
                    total += Double.parseDouble(rec.get("amount"));
                    printer.printRecord(rec);
                }
            }
            sink += out.getBuffer().length() + (long) total;
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
