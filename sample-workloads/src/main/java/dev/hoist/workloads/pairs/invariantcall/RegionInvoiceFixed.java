package dev.hoist.workloads.pairs.invariantcall;

import dev.hoist.workloads.Runner;
import java.util.Map;

/**
 * Totals a batch of orders of one region, tax included. The fixed twin of
 * {@link RegionInvoice}. Fix: the tax rate of the region is looked up once, before the loop.
 */
public final class RegionInvoiceFixed {

    private final Map<String, Integer> taxBasisPoints;

    public RegionInvoiceFixed(Map<String, Integer> taxBasisPoints) {
        this.taxBasisPoints = taxBasisPoints;
    }

    /** The gross total in cents of {@code orders}, all billed in {@code region} (a known region). */
    public long grossCents(Order[] orders, String region) {
        Map<String, Integer> rates = taxBasisPoints;
        int rate = rates.get(region);
        long total = 0;
        for (int i = 0; i < orders.length; i++) {
            long net = orders[i].netCents();
            total += net + net * rate / 10_000;
        }
        return total;
    }

    public static void main(String[] args) {
        Order[] orders = Order.batch(42, 100_000);
        RegionInvoiceFixed invoice = new RegionInvoiceFixed(Order.TAX_BASIS_POINTS);
        Runner.runPasses(args, "RegionInvoiceFixed", () -> invoice.grossCents(orders, "SE"));
    }
}
