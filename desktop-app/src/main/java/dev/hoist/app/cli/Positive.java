package dev.hoist.app.cli;

import picocli.CommandLine;

/** A count option that must be 1 or more ({@code --top}): anything else is a usage error (exit 2), in one line. */
final class Positive implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
        }
        if (n < 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be 1 or more");
        }
        return n;
    }
}
