package dev.hoist.workloads.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.workloads.pairs.boxing.Request;
import dev.hoist.workloads.pairs.boxing.TrafficStats;
import dev.hoist.workloads.pairs.boxing.TrafficStatsFixed;
import dev.hoist.workloads.pairs.copy.ErrorsByHour;
import dev.hoist.workloads.pairs.copy.ErrorsByHourFixed;
import dev.hoist.workloads.pairs.copy.LogLines;
import dev.hoist.workloads.pairs.exception.QuantityColumn;
import dev.hoist.workloads.pairs.exception.QuantityColumnFixed;
import dev.hoist.workloads.pairs.format.MetricLines;
import dev.hoist.workloads.pairs.format.MetricLinesFixed;
import dev.hoist.workloads.pairs.invariantcall.Order;
import dev.hoist.workloads.pairs.invariantcall.RegionInvoice;
import dev.hoist.workloads.pairs.invariantcall.RegionInvoiceFixed;
import dev.hoist.workloads.pairs.invariantfield.FlatField;
import dev.hoist.workloads.pairs.invariantfield.FlatFieldFixed;
import dev.hoist.workloads.pairs.invariantfield.Sensor;
import dev.hoist.workloads.pairs.megamorphic.CartTotal;
import dev.hoist.workloads.pairs.megamorphic.CartTotalFixed;
import dev.hoist.workloads.pairs.megamorphic.LineItem;
import dev.hoist.workloads.pairs.quadratic.UniqueVisitors;
import dev.hoist.workloads.pairs.quadratic.UniqueVisitorsFixed;
import dev.hoist.workloads.pairs.reflection.ColumnSum;
import dev.hoist.workloads.pairs.regex.CsvCleaner;
import dev.hoist.workloads.pairs.regex.CsvCleanerFixed;
import dev.hoist.workloads.pairs.regex.CsvLines;
import dev.hoist.workloads.pairs.reflection.ColumnSumFixed;
import dev.hoist.workloads.pairs.reflection.Trade;
import dev.hoist.workloads.pairs.stringconcat.InClause;
import dev.hoist.workloads.pairs.stringconcat.InClauseFixed;
import dev.hoist.workloads.pairs.tuple.EdgeLocality;
import dev.hoist.workloads.pairs.tuple.EdgeLocalityFixed;
import dev.hoist.workloads.pairs.tuple.Graph;
import dev.hoist.workloads.pairs.uninlinable.SourceText;
import dev.hoist.workloads.pairs.uninlinable.Tokenizer;
import dev.hoist.workloads.pairs.uninlinable.TokenizerFixed;
import dev.hoist.workloads.pairs.unsized.Customer;
import dev.hoist.workloads.pairs.unsized.CustomerIndex;
import dev.hoist.workloads.pairs.unsized.CustomerIndexFixed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A fix must never change behaviour: each anti-pattern program and its fixed twin compute the
 * same result on the same input, for several inputs including empty and tiny ones. Each case
 * also checks one independent property of the result, so that two equally broken twins fail.
 */
class TwinsAgreeTest {

    @ParameterizedTest
    @CsvSource({"1,0,4000", "2,1,0", "3,4099,3900", "4,100000,4000"})
    void flatFieldTwinsAgree(long seed, int pixels, long threshold) {
        int[] frame = Sensor.frame(seed, pixels);
        long[] gains = Sensor.gains(seed + 100, pixels);
        Sensor.FrameStats anti = new FlatField(gains, threshold).correct(frame);
        assertThat(new FlatFieldFixed(gains, threshold).correct(frame)).isEqualTo(anti);
        long brightness = 0;
        int hot = 0;
        for (int i = 0; i < pixels; i++) {
            long corrected = frame[i] * gains[i] >> 16;
            brightness += corrected;
            hot += corrected > threshold ? 1 : 0;
        }
        assertThat(anti).isEqualTo(new Sensor.FrameStats(brightness, hot));
    }

    @Test
    void flatFieldTwinsFollowRecalibrationAndThresholdChanges() {
        int[] frame = {1000, 4000, 2000};
        FlatField anti = new FlatField(new long[] {65_536, 65_536, 65_536}, 5000);
        FlatFieldFixed fixed = new FlatFieldFixed(new long[] {65_536, 65_536, 65_536}, 5000);
        assertThat(anti.correct(frame)).isEqualTo(new Sensor.FrameStats(7000, 0));
        anti.recalibrate(new long[] {131_072, 65_536, 32_768});
        fixed.recalibrate(new long[] {131_072, 65_536, 32_768});
        anti.setHotThreshold(1500);
        fixed.setHotThreshold(1500);
        assertThat(anti.correct(frame)).isEqualTo(new Sensor.FrameStats(7000, 2));
        assertThat(fixed.correct(frame)).isEqualTo(new Sensor.FrameStats(7000, 2));
    }

    @ParameterizedTest
    @CsvSource({"1,0,DE", "2,1,SE", "3,1000,PT", "4,20000,IE"})
    void invoiceTwinsAgree(long seed, int count, String region) {
        Order[] orders = Order.batch(seed, count);
        long anti = new RegionInvoice(Order.TAX_BASIS_POINTS).grossCents(orders, region);
        long fixed = new RegionInvoiceFixed(Order.TAX_BASIS_POINTS).grossCents(orders, region);
        assertThat(fixed).isEqualTo(anti);
        long net = Arrays.stream(orders).mapToLong(Order::netCents).sum();
        assertThat(anti).isBetween(net, net + net * Order.TAX_BASIS_POINTS.get(region) / 10_000);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,4096", "4,100000"})
    void tokenizerTwinsAgree(long seed, int length) {
        char[] text = SourceText.generate(seed, length);
        assertThat(TokenizerFixed.countTokens(text)).isEqualTo(Tokenizer.countTokens(text));
    }

    @Test
    void tokenizerClassifiesRareCharactersLikeTheirAsciiCousins() {
        // naïve, “, λ, 2, ÷, 3, ”, —
        char[] text = "naïve “λ2÷3” —".toCharArray();
        assertThat(Tokenizer.countTokens(text)).isEqualTo(7);
        assertThat(TokenizerFixed.countTokens(text)).isEqualTo(7);
    }

    @Test
    void tokenizerCountsTokensOfAKnownLine() {
        char[] text = "int x1 = a+b; // \"q\"".toCharArray();
        // int, x1, =, a, +, b, ;, /, /, ", q, "
        assertThat(Tokenizer.countTokens(text)).isEqualTo(12);
        assertThat(TokenizerFixed.countTokens(text)).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,7", "4,50000"})
    void cartTwinsAgree(long seed, int count) {
        LineItem[] items = CartTotal.sampleCart(seed, count);
        long anti = CartTotal.totalCents(items);
        assertThat(CartTotalFixed.totalCents(items)).isEqualTo(anti);
        assertThat(anti).isEqualTo(Arrays.stream(items).mapToLong(LineItem::priceCents).sum());
    }

    @Test
    void cartPricesEachKindByItsOwnRule() {
        LineItem[] items = {
            new LineItem.Unit(250, 4), new LineItem.Weighed(1200, 500),
            new LineItem.Bundle(100, 7, 3, 200), new LineItem.Subscription(1000, 12, 25)};
        // 1000 + 600 + (2 * 200 + 1 * 100) + 9000
        assertThat(CartTotal.totalCents(items)).isEqualTo(11_100);
        assertThat(CartTotalFixed.totalCents(items)).isEqualTo(11_100);
    }

    @ParameterizedTest
    @CsvSource({"1,0,price", "2,1,fee", "3,1000,quantity", "4,30000,price"})
    void columnSumTwinsAgree(long seed, int count, String column) {
        Trade[] trades = Trade.sample(seed, count);
        double anti = ColumnSum.sum(trades, column);
        assertThat(ColumnSumFixed.sum(trades, column)).isEqualTo(anti);
        double expected = 0;
        for (Trade t : trades) {
            expected += column.equals("price") ? t.price() : column.equals("fee") ? t.fee() : t.quantity();
        }
        assertThat(anti).isEqualTo(expected);
    }

    @Test
    void columnSumTwinsRejectTheSameColumns() {
        Trade[] trades = Trade.sample(1, 3);
        for (String column : List.of("symbol", "nope", "hashCode")) {
            assertThatThrownBy(() -> ColumnSum.sum(trades, column)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(column);
            assertThatThrownBy(() -> ColumnSumFixed.sum(trades, column)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(column);
        }
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,1000", "4,100000"})
    void trafficTwinsAgree(long seed, int count) {
        Request[] requests = Request.log(seed, count);
        long anti = TrafficStats.servedBytes(requests);
        assertThat(TrafficStatsFixed.servedBytes(requests)).isEqualTo(anti);
        assertThat(anti).isEqualTo(Arrays.stream(requests).filter(r -> r.status() < 400).mapToLong(Request::bytes).sum());
    }

    @ParameterizedTest
    @CsvSource({"1,10,0,0", "2,10,1,5", "3,1000,5000,64", "4,100000,100000,64"})
    void localityTwinsAgree(long seed, int nodes, int edges, int window) {
        Graph graph = Graph.sample(seed, nodes, edges);
        Graph.Locality anti = EdgeLocality.measure(graph, window);
        assertThat(EdgeLocalityFixed.measure(graph, window)).isEqualTo(anti);
        assertThat(anti.shortEdges()).isBetween(0L, (long) edges);
        assertThat(anti.bandwidth()).isLessThan(Math.max(nodes, 1));
    }

    @Test
    void localityOfAKnownGraph() {
        Graph graph = new Graph(10, new int[] {0, 9, 3}, new int[] {2, 1, 3});
        Graph.Locality expected = new Graph.Locality(2, 10, 8);
        assertThat(EdgeLocality.measure(graph, 2)).isEqualTo(expected);
        assertThat(EdgeLocalityFixed.measure(graph, 2)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,13", "4,20000"})
    void customerIndexTwinsAgree(long seed, int count) {
        List<Customer> customers = Customer.export(seed, count);
        Map<String, Customer> anti = CustomerIndex.byCode(customers);
        assertThat(CustomerIndexFixed.byCode(customers)).isEqualTo(anti);
        assertThat(anti).hasSize(count);
    }

    @Test
    void customerIndexTwinsKeepTheLastDuplicate() {
        Customer first = new Customer("C1", "First", "DE");
        Customer second = new Customer("C1", "Second", "FR");
        assertThat(CustomerIndex.byCode(List.of(first, second))).containsExactly(Map.entry("C1", second));
        assertThat(CustomerIndexFixed.byCode(List.of(first, second))).containsExactly(Map.entry("C1", second));
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,500", "4,50000"})
    void errorsByHourTwinsAgree(long seed, int count) {
        String[] lines = LogLines.generate(seed, count);
        int[] anti = ErrorsByHour.count(lines);
        assertThat(ErrorsByHourFixed.count(lines)).containsExactly(anti);
        assertThat(IntStream.of(anti).sum()).isEqualTo((int) Arrays.stream(lines).filter(l -> l.contains(" ERROR ")).count());
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,2", "4,500"})
    void inClauseTwinsAgree(long seed, int count) {
        long[] ids = InClause.batch(seed, count);
        String anti = InClause.render(ids);
        assertThat(InClauseFixed.render(ids)).isEqualTo(anti);
        String expected = "id IN (" + String.join(",", Arrays.stream(ids).mapToObj(Long::toString).toList()) + ")";
        assertThat(anti).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,500", "4,20000"})
    void csvCleanerTwinsAgree(long seed, int count) {
        String[] lines = CsvLines.generate(seed, count);
        assertThat(CsvCleanerFixed.clean(lines)).isEqualTo(CsvCleaner.clean(lines));
    }

    @Test
    void csvCleanerCountsCleanedCellsAndNumbers() {
        // "a b" (3), "12" (2, numeric), "-3 " (3, not numeric: trailing space)
        String[] lines = {"a \t b;  12;\t-3 "};
        assertThat(CsvCleaner.clean(lines)).isEqualTo(1_000_008L);
        assertThat(CsvCleanerFixed.clean(lines)).isEqualTo(1_000_008L);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,500"})
    void metricLinesTwinsAgree(long seed, int count) {
        String[] names = MetricLines.names(seed, count);
        int[] hosts = new int[count];
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            hosts[i] = i % 16;
            values[i] = i * 7919L - 50_000;
        }
        assertThat(MetricLinesFixed.render(names, hosts, values, 5L)).isEqualTo(MetricLines.render(names, hosts, values, 5L));
    }

    @Test
    void metricLinesRenderTheLineProtocol() {
        String expected = "cache_hits{host=\"h3\"} -12 99" + System.lineSeparator();
        String[] names = {"cache_hits"};
        assertThat(MetricLines.render(names, new int[] {3}, new long[] {-12}, 99)).isEqualTo(expected);
        assertThat(MetricLinesFixed.render(names, new int[] {3}, new long[] {-12}, 99)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,500", "4,20000"})
    void quantityColumnTwinsAgree(long seed, int count) {
        String[] cells = QuantityColumn.cells(seed, count);
        assertThat(QuantityColumnFixed.sum(cells)).containsExactly(QuantityColumn.sum(cells));
    }

    @Test
    void quantityColumnAgreesWithParseIntOnEdgeCells() {
        // signs alone, a plus sign, int limits, one past them, thirteen digits with leading zeros, blanks inside
        String[] cells = {"-", "+", "+7", "-0", "2147483647", "-2147483648", "2147483648", "0000000000042", "1 2", " 3"};
        long[] anti = QuantityColumn.sum(cells);
        assertThat(anti).containsExactly(2147483647L + 7 - 2147483648L + 42, 5);
        assertThat(QuantityColumnFixed.sum(cells)).containsExactly(anti);
        // parseInt takes any Unicode decimal digit (Character.digit), so the scan must as well
        String[] arabicIndic = {"\u0663\u0664", "-\u0661"};
        assertThat(QuantityColumnFixed.sum(arabicIndic)).containsExactly(QuantityColumn.sum(arabicIndic));
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,500", "4,5000"})
    void uniqueVisitorsTwinsAgree(long seed, int count) {
        String[] visits = UniqueVisitors.visits(seed, count);
        List<String> anti = UniqueVisitors.distinct(visits);
        assertThat(UniqueVisitorsFixed.distinct(visits)).containsExactlyElementsOf(anti);
        assertThat(anti).doesNotHaveDuplicates().hasSize((int) Arrays.stream(visits).distinct().count());
    }

    @Test
    void uniqueVisitorsKeepTheOrderOfFirstVisit() {
        String[] visits = {"b", "a", "b", "c", "a"};
        assertThat(UniqueVisitors.distinct(visits)).containsExactly("b", "a", "c");
        assertThat(UniqueVisitorsFixed.distinct(visits)).containsExactly("b", "a", "c");
    }
}
