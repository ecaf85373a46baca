import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson databind: a generated JSON array of 2,000 orders (about 1 MB) is bound to POJOs with
 * ObjectMapper.readValue and written back with writeValueAsString, in a loop.
 * One op = one document read and written. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    public static class Item {
        public String sku;
        public int quantity;
        public double unitPrice;
        public boolean giftWrap;
    }

    public static class Address {
        public String street;
        public String city;
        public String postcode;
        public String country;
    }

    public static class Order {
        private long id;
        private String customer;
        private String status;
        private String createdAt;
        private Address shipTo;
        private List<Item> items;
        private List<String> tags;
        private double total;

        public long getId() { return id; }
        public void setId(long id) { this.id = id; }
        public String getCustomer() { return customer; }
        public void setCustomer(String customer) { this.customer = customer; }
        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
        public String getCreatedAt() { return createdAt; }
        public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
        public Address getShipTo() { return shipTo; }
        public void setShipTo(Address shipTo) { this.shipTo = shipTo; }
        public List<Item> getItems() { return items; }
        public void setItems(List<Item> items) { this.items = items; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> tags) { this.tags = tags; }
        public double getTotal() { return total; }
        public void setTotal(double total) { this.total = total; }
    }

    static List<Order> generate(int n) {
        Random r = new Random(42);
        String[] statuses = {"NEW", "PAID", "SHIPPED", "DELIVERED", "RETURNED"};
        String[] cities = {"Lyon", "Zürich", "Kraków", "Porto", "Malmö", "Bilbao", "Gent"};
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Order o = new Order();
            o.setId(100_000L + i);
            o.setCustomer("customer-" + r.nextInt(5000) + " \"" + (char) ('A' + r.nextInt(26)) + "\"");
            o.setStatus(statuses[r.nextInt(statuses.length)]);
            o.setCreatedAt(String.format("2024-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60)));
            Address a = new Address();
            a.street = r.nextInt(300) + " Rue de la Paix\nBât. " + r.nextInt(9);
            a.city = cities[r.nextInt(cities.length)];
            a.postcode = String.valueOf(10000 + r.nextInt(89999));
            a.country = "EU";
            o.setShipTo(a);
            List<Item> items = new ArrayList<>();
            double total = 0;
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                Item it = new Item();
                it.sku = "SKU-" + Integer.toHexString(r.nextInt());
                it.quantity = 1 + r.nextInt(10);
                it.unitPrice = Math.round(r.nextDouble() * 10000) / 100.0;
                it.giftWrap = r.nextInt(10) == 0;
                total += it.quantity * it.unitPrice;
                items.add(it);
            }
            o.setItems(items);
            List<String> tags = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) tags.add("tag" + r.nextInt(50));
            o.setTags(tags);
            o.setTotal(total);
            orders.add(o);
        }
        return orders;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        ObjectMapper mapper = new ObjectMapper();
        // the fix for the reflection advice: field and method access through LambdaMetafactory-made accessors
        mapper.registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule());
        String json = mapper.writeValueAsString(generate(2000));
        TypeReference<List<Order>> type = new TypeReference<>() { };
        meter("jackson", seconds);
        long sink = 0;
        while (true) {
            List<Order> orders = mapper.readValue(json, type);
            String out = mapper.writeValueAsString(orders);
            sink += out.length() + orders.size();
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
