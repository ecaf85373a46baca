import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

/**
 * FreeMarker: a Configuration built once (as FreeMarker's manual says), and an HTML template of
 * about 60 lines (a list loop over 5,000 orders with nested items, #if, ?upper_case, ?string,
 * number, currency and date formatting, a macro) rendered into a StringWriter from a data model of
 * maps, lists and POJOs, in a loop. One op = one render. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static final String TEMPLATE = String.join("\n",
        "<#macro money amount>${amount?string.currency}</#macro>",
        "<#macro badge status>",
        "  <#if status == \"cancelled\"><span class=\"badge red\">${status?upper_case}</span>",
        "  <#elseif status == \"shipped\" || status == \"delivered\"><span class=\"badge green\">${status?cap_first}</span>",
        "  <#else><span class=\"badge\">${status}</span></#if>",
        "</#macro>",
        "<!DOCTYPE html>",
        "<html lang=\"${shop.locale}\">",
        "<head><title>${shop.name} - orders</title></head>",
        "<body>",
        "<h1>${shop.name?upper_case}</h1>",
        "<p>Report of ${generated?string(\"yyyy-MM-dd HH:mm\")} for ${orders?size} orders.</p>",
        "<table class=\"orders\">",
        "  <thead><tr><th>#</th><th>Order</th><th>Customer</th><th>Placed</th><th>Status</th><th>Items</th><th>Total</th></tr></thead>",
        "  <tbody>",
        "  <#list orders as order>",
        "    <tr class=\"${order?item_parity}<#if order.priority> priority</#if>\">",
        "      <td>${order?counter}</td>",
        "      <td>${order.number}</td>",
        "      <td>",
        "        ${order.customer.name}",
        "        <#if order.customer.vip><em>VIP</em></#if>",
        "        <br><small>${order.customer.email!\"no e-mail\"} &middot; ${order.customer.city}</small>",
        "      </td>",
        "      <td>${order.placed?date}</td>",
        "      <td><@badge status=order.status/></td>",
        "      <td>",
        "        <ul>",
        "        <#list order.items as item>",
        "          <li>${item.quantity} &times; ${item.name} (${item.sku?lower_case})",
        "            at <@money amount=item.price/>",
        "            <#if item.discount gt 0> <b>-${(item.discount * 100)?string(\"0\")}%</b></#if>",
        "            = <@money amount=item.lineTotal/>",
        "          </li>",
        "        </#list>",
        "        </ul>",
        "        <#if order.note?has_content><p class=\"note\">${order.note}</p></#if>",
        "      </td>",
        "      <td class=\"num\"><@money amount=order.total/>",
        "        <#if order.total gt 1000><br><small>${(order.total / order.items?size)?string(\"0.00\")} per line</small></#if>",
        "      </td>",
        "    </tr>",
        "  <#else>",
        "    <tr><td colspan=\"7\">No orders.</td></tr>",
        "  </#list>",
        "  </tbody>",
        "</table>",
        "<#assign shipped = orders?filter(o -> o.status == \"shipped\")>",
        "<p>${shipped?size} shipped, ${(shipped?size / orders?size * 100)?string(\"0.0\")}% of all.</p>",
        "<ul class=\"tags\">",
        "<#list shop.tags?sort as tag>",
        "  <li>${tag?cap_first}<#sep>, </#sep></li>",
        "</#list>",
        "</ul>",
        "<footer>${shop.footer}</footer>",
        "</body>",
        "</html>",
        "");

    public static class Item {
        private final String sku, name;
        private final int quantity;
        private final BigDecimal price;
        private final double discount;
        Item(String sku, String name, int quantity, BigDecimal price, double discount) {
            this.sku = sku; this.name = name; this.quantity = quantity; this.price = price; this.discount = discount;
        }
        public String getSku() { return sku; }
        public String getName() { return name; }
        public int getQuantity() { return quantity; }
        public BigDecimal getPrice() { return price; }
        public double getDiscount() { return discount; }
        public BigDecimal getLineTotal() {
            return price.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(1 - discount)).setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    public static class Order {
        private final String number, status, note;
        private final Map<String, Object> customer;
        private final Date placed;
        private final boolean priority;
        private final List<Item> items;
        Order(String number, String status, String note, Map<String, Object> customer, Date placed, boolean priority, List<Item> items) {
            this.number = number; this.status = status; this.note = note; this.customer = customer;
            this.placed = placed; this.priority = priority; this.items = items;
        }
        public String getNumber() { return number; }
        public String getStatus() { return status; }
        public String getNote() { return note; }
        public Map<String, Object> getCustomer() { return customer; }
        public Date getPlaced() { return placed; }
        public boolean isPriority() { return priority; }
        public List<Item> getItems() { return items; }
        public BigDecimal getTotal() {
            BigDecimal t = BigDecimal.ZERO;
            for (Item i : items) t = t.add(i.getLineTotal());
            return t;
        }
    }

    static Map<String, Object> model(int n) {
        Random r = new Random(59);
        String[] status = {"new", "paid", "shipped", "delivered", "cancelled"};
        String[] cities = {"Lyon", "Zürich", "Kraków", "Porto", "Malmö", "Bilbao", "Gent"};
        String[] products = {"Kettle", "Desk lamp", "Chair <oak>", "Rug \"Berber\"", "Mug & saucer", "Shelf", "Clock"};
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> customer = new HashMap<>();
            customer.put("name", "Customer " + r.nextInt(5000));
            if (r.nextInt(8) != 0) customer.put("email", "c" + r.nextInt(100000) + "@example.org");
            customer.put("city", cities[r.nextInt(cities.length)]);
            customer.put("vip", r.nextInt(10) == 0);
            List<Item> items = new ArrayList<>();
            for (int k = 1 + r.nextInt(5); k > 0; k--) {
                items.add(new Item("SKU-" + Integer.toHexString(r.nextInt()).toUpperCase(Locale.ROOT),
                        products[r.nextInt(products.length)], 1 + r.nextInt(6),
                        BigDecimal.valueOf(r.nextInt(50_000), 2), r.nextInt(4) == 0 ? r.nextInt(30) / 100.0 : 0));
            }
            String note = r.nextInt(3) == 0 ? "Leave at the <back> door & ring twice" : "";
            orders.add(new Order("A-" + (20_000 + i), status[r.nextInt(status.length)], note, customer,
                    new Date(1_700_000_000_000L + r.nextInt(1_000_000_000) * 10L), r.nextInt(7) == 0, items));
        }
        Map<String, Object> shop = new LinkedHashMap<>();
        shop.put("name", "Maison Été & Co");
        shop.put("locale", "en");
        shop.put("tags", List.of("kitchen", "living", "garden", "office", "lighting", "textiles"));
        shop.put("footer", "© 2024 Maison Été & Co <support@example.org>");
        Map<String, Object> root = new HashMap<>();
        root.put("shop", shop);
        root.put("orders", orders);
        root.put("generated", new Date(1_717_000_000_000L));
        return root;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        StringTemplateLoader templates = new StringTemplateLoader();
        templates.putTemplate("orders.ftlh", TEMPLATE);
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(templates);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.US);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        Map<String, Object> root = model(5000);
        meter("freemarker", seconds);
        long sink = 0;
        while (true) {
            Template template = cfg.getTemplate("orders.ftlh");
            StringWriter out = new StringWriter();
            template.process(root, out);
            sink += out.getBuffer().length();
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
