package dev.hoist.workloads.pairs.unsized;

import dev.hoist.workloads.Runner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a lookup table of customers by code, as an import job does before matching orders.
 * The fixed twin of {@link CustomerIndex}. Fix: the map is created with room for every customer
 * (size / load factor), so it never rehashes while it is filled.
 */
public final class CustomerIndexFixed {

    private CustomerIndexFixed() {
    }

    /** The customers by code; a later duplicate code replaces an earlier one. */
    public static Map<String, Customer> byCode(List<Customer> customers) {
        Map<String, Customer> index = new HashMap<>((int) (customers.size() / 0.75f) + 1);
        for (Customer customer : customers) {
            index.put(customer.code(), customer);
        }
        return index;
    }

    public static void main(String[] args) {
        List<Customer> customers = Customer.export(42, 50_000);
        Runner.runPasses(args, "CustomerIndexFixed", () -> byCode(customers).size());
    }
}
