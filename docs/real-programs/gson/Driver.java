import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * Gson: a generated JSON array of 2,000 events (about 900 KB: nested objects, lists, numbers,
 * strings with escapes) bound to objects with Gson.fromJson and written back with toJson, in a
 * loop. One op = one document read and written. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static class Measurement { String sensor; double value; long at; boolean valid; }
    static class Device { String id; String model; String firmware; int[] ports; }
    static class Event {
        long id;
        String kind;
        String source;
        Device device;
        List<Measurement> measurements;
        List<String> labels;
        double score;
    }

    static List<Event> generate(int n) {
        Random r = new Random(23);
        String[] kinds = {"reading", "alarm", "heartbeat", "config", "restart"};
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Event e = new Event();
            e.id = 1_000_000L + i;
            e.kind = kinds[r.nextInt(kinds.length)];
            e.source = "site-" + r.nextInt(40) + "/line \"" + (char) ('A' + r.nextInt(26)) + "\"\t#" + r.nextInt(9);
            Device d = new Device();
            d.id = Integer.toHexString(r.nextInt());
            d.model = "M" + r.nextInt(20);
            d.firmware = r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(100);
            d.ports = new int[1 + r.nextInt(4)];
            for (int k = 0; k < d.ports.length; k++) d.ports[k] = 8000 + r.nextInt(1000);
            e.device = d;
            e.measurements = new ArrayList<>();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                Measurement m = new Measurement();
                m.sensor = "s" + r.nextInt(16);
                m.value = Math.round(r.nextGaussian() * 100000) / 1000.0;
                m.at = 1_700_000_000_000L + r.nextInt(1_000_000_000);
                m.valid = r.nextInt(20) != 0;
                e.measurements.add(m);
            }
            e.labels = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) e.labels.add("label" + r.nextInt(50));
            e.score = r.nextDouble();
            out.add(e);
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        Gson gson = new Gson();
        String json = gson.toJson(generate(2000));
        Type type = new TypeToken<List<Event>>() { }.getType();
        meter("gson", seconds);
        long sink = 0;
        while (true) {
            List<Event> events = gson.fromJson(json, type);
            String out = gson.toJson(events, type);
            sink += out.length() + events.size();
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
