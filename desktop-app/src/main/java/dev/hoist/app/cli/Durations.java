package dev.hoist.app.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as people type them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, or plain seconds. */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("us")) {
                return Duration.ofNanos(Long.parseLong(v.substring(0, v.length() - 2)) * 1000);
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (examples: 30s, 500ms, 2m)");
        }
    }

    /** Parses byte counts: {@code 512k}, {@code 1m}, {@code 4096}. */
    static final class Bytes implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            if (v.endsWith("k")) {
                unit = 1024;
            } else if (v.endsWith("m")) {
                unit = 1024 * 1024;
            } else if (v.endsWith("g")) {
                unit = 1024L * 1024 * 1024;
            }
            if (unit != 1) {
                v = v.substring(0, v.length() - 1);
            }
            try {
                return Long.parseLong(v) * unit;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a byte count (examples: 512k, 1m)");
            }
        }
    }
}
