import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.json.JSONArray;
import org.json.JSONObject;

/**
 * org.json: a generated JSON text of 4,000 records (about 2.2 MB: nested objects, arrays, numbers,
 * strings with escapes) parsed with new JSONArray(text), walked to sum a field of every line
 * item, and serialised back with toString(), in a loop. One op = one document parsed, walked and
 * written. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static String generate(int n) {
        Random r = new Random(31);
        String[] status = {"open", "paid", "shipped", "returned", "cancelled"};
        String[] cities = {"Lyon", "Zürich", "Kraków", "Porto", "Malmö", "Bilbao", "Gent"};
        JSONArray records = new JSONArray();
        for (int i = 0; i < n; i++) {
            JSONObject rec = new JSONObject();
            rec.put("id", 500_000L + i);
            rec.put("status", status[r.nextInt(status.length)]);
            rec.put("note", "customer said \"ship it\"\tto gate " + r.nextInt(90) + "\\dock\nthen left");
            rec.put("created", 1_700_000_000_000L + r.nextInt(1_000_000_000));
            rec.put("priority", r.nextBoolean());
            JSONObject customer = new JSONObject();
            customer.put("name", "customer-" + r.nextInt(5000));
            customer.put("email", "c" + r.nextInt(100000) + "@example.org");
            JSONObject address = new JSONObject();
            address.put("street", r.nextInt(300) + " Rue de l'Été");
            address.put("city", cities[r.nextInt(cities.length)]);
            address.put("zip", String.format("%05d", r.nextInt(100000)));
            address.put("geo", new JSONArray().put(Math.round(r.nextDouble() * 180_000_000) / 1e6 - 90)
                    .put(Math.round(r.nextDouble() * 360_000_000) / 1e6 - 180));
            customer.put("address", address);
            rec.put("customer", customer);
            JSONArray items = new JSONArray();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                JSONObject item = new JSONObject();
                item.put("sku", "SKU-" + Integer.toHexString(r.nextInt()));
                item.put("qty", 1 + r.nextInt(9));
                item.put("price", r.nextInt(100_000) / 100.0);
                item.put("discount", r.nextInt(4) == 0 ? r.nextInt(30) / 100.0 : 0);
                items.put(item);
            }
            rec.put("items", items);
            JSONArray tags = new JSONArray();
            for (int k = r.nextInt(4); k > 0; k--) tags.put("tag" + r.nextInt(60));
            rec.put("tags", tags);
            records.put(rec);
        }
        return records.toString();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String text = generate(4000);
        meter("orgjson", seconds);
        long sink = 0;
        while (true) {
            JSONArray records = new JSONArray(text);
            double total = 0;
            for (int i = 0; i < records.length(); i++) {
                JSONObject rec = records.getJSONObject(i);
                JSONArray items = rec.getJSONArray("items");
                for (int k = 0; k < items.length(); k++) {
                    JSONObject item = items.getJSONObject(k);
                    total += item.getInt("qty") * item.getDouble("price");
                }
            }
            String out = records.toString();
            sink += out.length() + (long) total;
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
