package dev.hoist.workloads.pairs.invariantcall;

import dev.hoist.workloads.Runner;
import java.util.Map;

/**
 * Totals a batch of orders of one region, tax included. Anti-pattern: the tax rate is looked
 * up in the map on every order although the region never changes inside the loop; the JIT does
 * not hoist a whole hash lookup. Twin: {@link RegionInvoiceFixed}.
 */
public final class RegionInvoice {

    private final Map<String, Integer> taxBasisPoints;

    public RegionInvoice(Map<String, Integer> taxBasisPoints) {
        this.taxBasisPoints = taxBasisPoints;
    }

    /** The gross total in cents of {@code orders}, all billed in {@code region} (a known region). */
    public long grossCents(Order[] orders, String region) {
        Map<String, Integer> rates = taxBasisPoints;
        long total = 0;
        for (int i = 0; i < orders.length; i++) {
            long net = orders[i].netCents();
            total += net + net * rates.get(region) / 10_000;
        }
        return total;
    }

    public static void main(String[] args) {
        Order[] orders = Order.batch(42, 100_000);
        RegionInvoice invoice = new RegionInvoice(Order.TAX_BASIS_POINTS);
        Runner.runPasses(args, "RegionInvoice", () -> invoice.grossCents(orders, "SE"));
    }
}
