import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * SnakeYAML 2.3: a generated configuration-like YAML document of 1,500 services (about 400 KB:
 * nested maps, lists, quoted and plain scalars, numbers, booleans) loaded into maps and lists and
 * dumped back in block style, in a loop. One op = one document loaded and dumped.
 * Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static String generate(int n) {
        Random r = new Random(31);
        List<Object> services = new ArrayList<>();
        String[] kinds = {"web", "worker", "cron", "gateway", "db-proxy"};
        for (int i = 0; i < n; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", "svc-" + i);
            s.put("kind", kinds[r.nextInt(kinds.length)]);
            s.put("replicas", 1 + r.nextInt(12));
            s.put("cpu", Math.round(r.nextDouble() * 4000) / 1000.0);
            s.put("public", r.nextBoolean());
            s.put("description", "Handles \"" + kinds[r.nextInt(kinds.length)] + "\" traffic: region " + r.nextInt(9) + ", tier #" + r.nextInt(3));
            Map<String, Object> env = new LinkedHashMap<>();
            for (int k = r.nextInt(6); k > 0; k--) env.put("VAR_" + r.nextInt(100), "value-" + Integer.toHexString(r.nextInt()));
            s.put("env", env);
            List<Object> ports = new ArrayList<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) ports.add(8000 + r.nextInt(1000));
            s.put("ports", ports);
            services.add(s);
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(o).dump(Map.of("services", services));
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String doc = generate(1500);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit(50 * 1024 * 1024);
        meter("snakeyaml", seconds);
        long sink = 0;
        while (true) {
            Yaml yaml = new Yaml(lo);
            Object data = yaml.load(doc);
            sink += new Yaml(o).dump(data).length();
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
