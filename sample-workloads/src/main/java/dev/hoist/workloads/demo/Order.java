package dev.hoist.workloads.demo;

/** One order of the demo shop, as parsed from the feed. */
public record Order(String id, String region, String tier, int quantity, long unitCents) {
}
