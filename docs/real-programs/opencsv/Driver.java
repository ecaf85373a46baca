import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.opencsv.bean.CsvBindByName;
import com.opencsv.bean.CsvToBeanBuilder;
import com.opencsv.bean.StatefulBeanToCsvBuilder;

/**
 * opencsv 5.9: a generated CSV of 5,000 rows bound to annotated beans by header name
 * (CsvToBeanBuilder, strings, ints, doubles, booleans) and the beans written back with
 * StatefulBeanToCsv, in a loop. One op = one file read into beans and written.
 * Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    public static class Order {
        @CsvBindByName(column = "id") public long id;
        @CsvBindByName(column = "customer") public String customer;
        @CsvBindByName(column = "city") public String city;
        @CsvBindByName(column = "quantity") public int quantity;
        @CsvBindByName(column = "price") public double price;
        @CsvBindByName(column = "express") public boolean express;
        @CsvBindByName(column = "note") public String note;
    }

    static String generate(int rows) {
        Random r = new Random(5);
        String[] cities = {"Lyon", "Zürich", "Kraków", "Porto", "Malmö", "Bilbao", "Gent"};
        StringBuilder sb = new StringBuilder("id,customer,city,quantity,price,express,note\n");
        for (int i = 0; i < rows; i++) {
            sb.append(100000 + i).append(",customer-").append(r.nextInt(5000)).append(',').append(cities[r.nextInt(cities.length)])
              .append(',').append(1 + r.nextInt(20)).append(',').append(r.nextInt(100000) / 100.0).append(',').append(r.nextBoolean())
              .append(',').append(r.nextInt(4) == 0 ? "\"gift, wrapped\"" : "plain").append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String csv = generate(5000);
        meter("opencsv", seconds);
        long sink = 0;
        while (true) {
            List<Order> orders = new CsvToBeanBuilder<Order>(new StringReader(csv)).withType(Order.class).build().parse();
            StringWriter out = new StringWriter(csv.length() + 1024);
            new StatefulBeanToCsvBuilder<Order>(out).build().write(orders);
            sink += out.getBuffer().length() + orders.size();
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
