package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ringside.core.ByteSize;
import java.util.Locale;

/** The unit of a job's {@code done} and {@code total}. */
public enum JobUnit {
    BYTES, CHUNKS, ROWS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * An amount in this unit as the CLI and the console both write it: bytes through
     * {@link ByteSize} ({@code 26.4 MB}), chunks and rows counted ({@code 1,200 rows}).
     */
    public String format(double amount) {
        return this == BYTES ? ByteSize.format(amount) : String.format(Locale.ROOT, "%,.0f %s", amount, label());
    }

    /**
     * How far a job is, as the CLI and the console both write it: {@code 13.2 MB / 26.4 MB}, and for
     * counted units the label once, {@code 500 / 1,000 rows}: "420,768 rows / 420,768 rows" said the
     * unit twice and did not fit the Jobs table's column in a 1024 px window. Without a total, the
     * amount alone.
     */
    public String formatProgress(double done, double total) {
        if (total <= 0) {
            return format(done);
        }
        return this == BYTES ? format(done) + " / " + format(total)
                : String.format(Locale.ROOT, "%,.0f / %,.0f %s", done, total, label());
    }

    /**
     * A rate in this unit a second: {@code 26.4 MB/s}, {@code 1,200 rows/s}, and counted rates from
     * ten thousand on to three figures as {@link #count} writes them, {@code 122k rows/s},
     * {@code 1.40M rows/s}: a rate moves from one second to the next, so its last digits say
     * nothing, and "122,279 rows/s" did not fit the Jobs table's column in a 1024 px window. The
     * CLI's rate is the Jobs table's ({@link #formatRateShort}) with the unit named: the two once
     * rounded on their own and wrote one rate as {@code 12k} and {@code 12.3k}.
     */
    public String formatRate(double perSecond) {
        return this == BYTES ? format(perSecond) + "/s" : count(perSecond) + " " + label() + "/s";
    }

    /**
     * How far a job is, written short for the console's Jobs table: counts from ten thousand on to
     * three figures ({@code 1.23M / 9.88M rows}), bytes in the total's unit ({@code 13.2 / 26.4 MB}).
     * "1,234,567 / 9,876,543 rows" made the table scroll sideways in a 1024 px window; the exact
     * figures are {@link #formatProgressExact}'s, on hover.
     */
    public String formatProgressShort(double done, double total) {
        if (this == BYTES) {
            return total <= 0 ? ByteSize.format(done) : ByteSize.formatPart(done, total);
        }
        return (total <= 0 ? count(done) : count(done) + " / " + count(total)) + " " + label();
    }

    /** Every digit of how far a job is: {@code 1,234,567 / 9,876,543 rows}, {@code 13,206,118 / 26,412,236 bytes}. */
    public String formatProgressExact(double done, double total) {
        String unit = this == BYTES ? "bytes" : label();
        return total <= 0 ? String.format(Locale.ROOT, "%,.0f %s", done, unit)
                : String.format(Locale.ROOT, "%,.0f / %,.0f %s", done, total, unit);
    }

    /**
     * A rate written short for the Jobs table, whose Done column names the unit: {@code 122k/s},
     * {@code 1.23M/s}; bytes as everywhere, {@code 2.6 MB/s}.
     */
    public String formatRateShort(double perSecond) {
        return this == BYTES ? formatRate(perSecond) : count(perSecond) + "/s";
    }

    /** Every digit of a rate: {@code 122,279 rows/s}, {@code 2,641,224 bytes/s}. */
    public String formatRateExact(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, this == BYTES ? "bytes" : label());
    }

    /**
     * A count as the Jobs table writes it: whole up to 9,999, then to three figures with k, M, B or
     * T ({@code 12.3k}, {@code 421k}, {@code 1.23M}), rounded before the suffix is chosen so that
     * 999,600 reads {@code 1.00M}, not {@code 1000k}.
     */
    public static String count(double amount) {
        double value = Math.max(0, amount);
        if (Math.round(value) < 10_000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        String[] suffixes = {"k", "M", "B", "T"};
        int suffix = 0;
        value /= 1e3;
        while (suffix < suffixes.length - 1 && threeFigures(value) >= 1000) {
            value /= 1e3;
            suffix++;
        }
        String pattern = value >= 99.95 ? "%.0f%s" : value >= 9.995 ? "%.1f%s" : "%.2f%s";
        return String.format(Locale.ROOT, pattern, value, suffixes[suffix]);
    }

    /** {@code value} rounded to the three figures {@link #count} writes. */
    private static double threeFigures(double value) {
        return value >= 99.95 ? Math.round(value) : value >= 9.995 ? Math.round(value * 10) / 10.0
                : Math.round(value * 100) / 100.0;
    }

    @JsonCreator
    public static JobUnit parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
