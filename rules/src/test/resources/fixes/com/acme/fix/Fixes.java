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

    static void twoMaps(String[] keys, long[] a, long[] b, Map<String, Long> sumsA, Map<String, Long> sumsB) {
        for (int i = 0; i < keys.length; i++) {
            sumsA.merge(keys[i], a[i], Long::sum);
            sumsB.merge(keys[i], b[i], Long::sum);
        }
    }

    static int twoRadixes(String[] rows) {
        int sum = 0;
        for (String s : rows) {
            int decimal = Integer.parseInt(s.substring(0, 2));
            int hex = Integer.parseInt(s.substring(0, 2), 16);
            sum += decimal + hex;
        }
        return sum;
    }

    private final double[] weights = new double[10];

    double weighted(double[] values) {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += this.weights[i % 10] * values[i];
            log(s);
        }
        return s;
    }

    private static void log(double s) {
        // big enough not to be inlined: the loop cannot hoist the field read across it
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(s).append(i).append(',').append(s * i).append(';').append(Math.sqrt(s + i)).append('|');
            b.append(Double.toString(s / (i + 1))).append(Long.toHexString(Double.doubleToLongBits(s + i)));
            b.append(String.valueOf(i * s)).append(Math.floor(s * i)).append(Math.ceil(s / (i + 2)));
        }
        if (b.length() == 7) System.out.println(b);
    }
}
