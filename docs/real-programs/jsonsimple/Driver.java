import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;

/**
 * json-simple 1.1.1: a generated JSON text of 3,000 records (about 1.5 MB: nested objects, arrays,
 * numbers, strings with escapes) parsed with JSONParser.parse(String), walked to sum a field of
 * every line item, and written back with toJSONString(), in a loop. One op = one document parsed,
 * walked and written. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    @SuppressWarnings("unchecked")
    static String generate(int n) {
        Random r = new Random(47);
        String[] status = {"open", "paid", "shipped", "returned", "cancelled"};
        String[] cities = {"Lyon", "Zürich", "Kraków", "Porto", "Malmö", "Bilbao", "Gent"};
        JSONArray records = new JSONArray();
        for (int i = 0; i < n; i++) {
            JSONObject rec = new JSONObject();
            rec.put("id", 700_000L + i);
            rec.put("status", status[r.nextInt(status.length)]);
            rec.put("note", "customer said \"leave it\"\tat door " + r.nextInt(90) + "/back\nthanks");
            rec.put("created", 1_700_000_000_000L + r.nextInt(1_000_000_000));
            rec.put("priority", r.nextBoolean());
            JSONObject customer = new JSONObject();
            customer.put("name", "customer-" + r.nextInt(5000));
            customer.put("email", "c" + r.nextInt(100000) + "@example.org");
            JSONObject address = new JSONObject();
            address.put("street", r.nextInt(300) + " Rue de l'Été");
            address.put("city", cities[r.nextInt(cities.length)]);
            address.put("zip", String.format("%05d", r.nextInt(100000)));
            JSONArray geo = new JSONArray();
            geo.add(Math.round(r.nextDouble() * 180_000_000) / 1e6 - 90);
            geo.add(Math.round(r.nextDouble() * 360_000_000) / 1e6 - 180);
            address.put("geo", geo);
            customer.put("address", address);
            rec.put("customer", customer);
            JSONArray items = new JSONArray();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                JSONObject item = new JSONObject();
                item.put("sku", "SKU-" + Integer.toHexString(r.nextInt()));
                item.put("qty", (long) (1 + r.nextInt(9)));
                item.put("price", r.nextInt(100_000) / 100.0);
                item.put("discount", r.nextInt(4) == 0 ? r.nextInt(30) / 100.0 : 0.0);
                items.add(item);
            }
            rec.put("items", items);
            JSONArray tags = new JSONArray();
            for (int k = r.nextInt(4); k > 0; k--) tags.add("tag" + r.nextInt(60));
            rec.put("tags", tags);
            records.add(rec);
        }
        return records.toJSONString();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String text = generate(3000);
        meter("jsonsimple", seconds);
        long sink = 0;
        while (true) {
            JSONArray records = (JSONArray) new JSONParser().parse(text);
            double total = 0;
            for (Object o : records) {
                JSONObject rec = (JSONObject) o;
                for (Object i : (JSONArray) rec.get("items")) {
                    JSONObject item = (JSONObject) i;
                    total += ((Number) item.get("qty")).longValue() * ((Number) item.get("price")).doubleValue();
                }
            }
            String out = records.toJSONString();
            sink += out.length() + (long) total;
            OPS.incrementAndGet();
            if (sink == 42) System.out.print("");
        }
    }

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
