package io.ringside.core.data.pm25;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the CSV records of one file into rows, or says why a record cannot be used. Column
 * positions are looked up once from the header; a record with another number of fields is
 * rejected rather than guessed at, since a shifted column would silently put humidity into
 * PM2.5.
 */
abstract class RowParser<T> {

    private final List<String> header;

    RowParser(List<String> header) {
        this.header = header;
    }

    /** The row, or null when the record is valid but has no reading to import. */
    abstract T parse(CSVRecord record) throws RowRejectedException;

    final void checkWidth(CSVRecord record) throws RowRejectedException {
        if (record.size() != header.size()) {
            throw new RowRejectedException("expected " + header.size() + " columns, found " + record.size());
        }
    }

    final int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("header has no column " + name);
    }

    /** A reading: null when missing ({@code NA} or empty), never zero. */
    final Double reading(CSVRecord record, int column) throws RowRejectedException {
        String value = record.get(column).trim();
        if (value.isEmpty() || value.equalsIgnoreCase("NA")) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RowRejectedException("column " + header.get(column) + ": not a number: '" + value + "'");
        }
    }

    final int integer(CSVRecord record, int column) throws RowRejectedException {
        String value = record.get(column).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RowRejectedException("column " + header.get(column) + ": not an integer: '" + value + "'");
        }
    }

    static String text(CSVRecord record, int column) {
        String value = record.get(column).trim();
        return value.isEmpty() || value.equalsIgnoreCase("NA") ? null : value;
    }

    static LocalDate date(int year, int month, int day) throws RowRejectedException {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new RowRejectedException(String.format(Locale.ROOT, "impossible date %04d-%02d-%02d", year, month, day));
        }
    }

    static LocalDate isoDate(String value) throws RowRejectedException {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("impossible or malformed date '" + value + "' (expected YYYY-MM-DD)");
        }
    }

    static RowParser<?> of(Pm25Format format, List<String> header, String location) {
        return switch (format) {
            case DAILY -> new DailyRowParser(header);
            case PRSA_MULTISITE -> new MultiSiteRowParser(header);
            case PRSA_SINGLE -> new SingleSiteRowParser(header, location);
        };
    }
}
