package dev.hoist.workloads.pairs.unsized;

import dev.hoist.workloads.Runner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a lookup table of customers by code, as an import job does before matching orders.
 * Anti-pattern: the map starts at the default capacity although the number of customers is
 * known, so it rehashes every entry each time it doubles. Twin: {@link CustomerIndexFixed}.
 */
public final class CustomerIndex {

    private CustomerIndex() {
    }

    /** The customers by code; a later duplicate code replaces an earlier one. */
    public static Map<String, Customer> byCode(List<Customer> customers) {
        Map<String, Customer> index = new HashMap<>();
        for (Customer customer : customers) {
            index.put(customer.code(), customer);
        }
        return index;
    }

    public static void main(String[] args) {
        List<Customer> customers = Customer.export(42, 50_000);
        Runner.runPasses(args, "CustomerIndex", () -> byCode(customers).size());
    }
}
