package dev.hoist.workloads.pairs.unsized;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A customer record as a CRM export delivers it, keyed by its customer code. */
public record Customer(String code, String name, String country) {

    /** A deterministic list of {@code count} customers with distinct codes. */
    public static List<Customer> export(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] countries = {"DE", "FR", "NL", "SE", "PL", "IT"};
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = "C" + (1_000_000 + i * 7L + random.nextInt(7));
            customers.add(new Customer(code, "Customer " + i, countries[random.nextInt(countries.length)]));
        }
        return customers;
    }
}
