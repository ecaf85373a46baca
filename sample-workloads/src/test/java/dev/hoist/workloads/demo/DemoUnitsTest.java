package dev.hoist.workloads.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's stages give stable, checkable results, so a profile of it profiles correct work. */
class DemoUnitsTest {

    @Test
    void parseReadsEveryFieldOfAFeedLine() {
        Order[] orders = OrderFeed.parse(new String[] {"ORD-12345678,SE,GOLD,12,4999", "ORD-1,DE,BASIC,1,99"});
        assertThat(orders).containsExactly(
                new Order("ORD-12345678", "SE", "GOLD", 12, 4999),
                new Order("ORD-1", "DE", "BASIC", 1, 99));
    }

    @Test
    void feedIsDeterministicAndParsesToKnownValues() {
        String[] lines = OrderFeed.lines(7, 500);
        assertThat(OrderFeed.lines(7, 500)).containsExactly(lines);
        Order[] orders = OrderFeed.parse(lines);
        assertThat(orders).hasSize(500).allSatisfy(o -> {
            assertThat(o.id()).matches("ORD-\\d{8}");
            assertThat(o.region()).isIn((Object[]) OrderFeed.REGIONS);
            assertThat(o.tier()).isIn((Object[]) OrderFeed.TIERS);
            assertThat(o.quantity()).isBetween(1, 20);
            assertThat(o.unitCents()).isBetween(99L, 50_098L);
        });
    }

    @Test
    void pricingAppliesTheChainInOrder() {
        Order gold = new Order("ORD-1", "SE", "GOLD", 10, 1000);
        Order basic = new Order("ORD-2", "DE", "BASIC", 1, 999);
        long[] prices = Pricing.price(new Order[] {gold, basic}, PriceRule.chain());
        // gold: 10000 -10% = 9000, bulk -2% = 8820, +25% VAT = 11025, charm -> 11029
        // basic: 999, no discounts, +19% VAT = 999 + 189 = 1188, charm -> 1189
        assertThat(prices).containsExactly(11_029, 1_189);
    }

    @Test
    void revenuePerRegionAddsUpToAllPrices() {
        Order[] orders = OrderFeed.parse(OrderFeed.lines(3, 2_000));
        long[] prices = Pricing.price(orders, PriceRule.chain());
        Map<String, Long> revenue = Revenue.byRegion(orders, prices);
        assertThat(revenue.keySet()).containsExactly("DE", "FR", "IT", "NL", "PL", "SE");
        assertThat(revenue.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(Arrays.stream(prices).sum());
        assertThat(Revenue.byRegion(orders, prices)).isEqualTo(revenue);
    }

    @Test
    void summaryListsTheFirstOrdersWithTheirPrices() {
        Order[] orders = {new Order("A", "DE", "BASIC", 1, 1), new Order("B", "DE", "BASIC", 1, 1),
            new Order("C", "DE", "BASIC", 1, 1)};
        long[] prices = {10, 20, 30};
        assertThat(BatchSummary.render(orders, prices, 2)).isEqualTo("A=10;B=20;");
        assertThat(BatchSummary.render(orders, prices, 5)).isEqualTo("A=10;B=20;C=30;");
        assertThat(BatchSummary.render(new Order[0], new long[0], 5)).isEmpty();
    }

    @Test
    void aBatchAlwaysGivesTheSameChecksum() {
        String[] lines = OrderFeed.lines(11, DemoMain.BATCH);
        long first = DemoMain.processBatch(lines, PriceRule.chain());
        assertThat(DemoMain.processBatch(lines, PriceRule.chain())).isEqualTo(first);
        assertThat(DemoMain.processBatch(OrderFeed.lines(12, DemoMain.BATCH), PriceRule.chain())).isNotEqualTo(first);
    }
}
