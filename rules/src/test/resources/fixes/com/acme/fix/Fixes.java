package com.acme.fix;

import java.util.HashMap;
import java.util.Map;

/** Loops whose fixes rules can write exactly: FixInUserCodeTest reads the before/after code. */
public class Fixes {
    static long parseAll(String[] rows) {
        long sum = 0;
        for (String row : rows) {
            int comma = row.indexOf(',');
            sum += Integer.parseInt(row.substring(0, comma));
            sum += Long.parseLong(row.substring(comma + 1), 16);
        }
        return sum;
    }

    static Map<String, Long> totals(String[] keys, long[] amounts) {
        Map<String, Long> totals = new HashMap<>();
        int i = 0;
        while (i < keys.length) {
            totals.merge(keys[i], amounts[i], Long::sum);
            i++;
        }
        return totals;
    }

    static Map<String, Long> products(String[] keys, long[] amounts) {
        Map<String, Long> products = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            products.merge(keys[i], amounts[i], (a, b) -> a * b);
        }
        return products;
    }

    static int parseAndLook(String[] rows) {
        int sum = 0;
        for (int i = 0; i < rows.length; i++) {
            String first = rows[i].substring(0, 2);
            sum += Integer.parseInt(first) + first.length();
        }
        return sum;
    }

    interface Shape { double area(); }
    static final class Circle implements Shape { double r; public double area() { return 3.14159 * r * r; } }
    static final class Square implements Shape { double s; public double area() { return s * s; } }
    static final class Triangle implements Shape { double b, h; public double area() { return b * h / 2; } }

    static double area(Shape[] shapes) {
        double total = 0;
        for (int i = 0; i < shapes.length; i++) {
            total += shapes[i].area();
        }
        return total;
    }

    static final int HOUR = 11;

    static int[] byHour(String[] lines) {
        int[] counts = new int[24];
        for (String line : lines) {
            counts[Integer.parseInt(line.substring(HOUR, HOUR + 2))]++;
        }
        return counts;
    }

    static long gross(long[] net, Map<String, Long> rates, String region) {
        long total = 0;
        for (int i = 0; i < net.length; i++) {
            total += net[i] * rates.get(region) / 10_000;
        }
        return total;
    }

    static Map<String, String> index(java.util.List<String> names) {
        Map<String, String> byLower = new HashMap<String, String>();
        for (String name : names) {
            byLower.put(name.toLowerCase(), name);
        }
        return byLower;
    }
}
