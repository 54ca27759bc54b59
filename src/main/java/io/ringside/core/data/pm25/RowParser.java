package io.ringside.core.data.pm25;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the CSV records of one file into rows, or says why a record cannot be used. Column
 * positions are looked up once from the header; a record with another number of fields is
 * rejected rather than guessed at, since a shifted column would silently put humidity into
 * PM2.5. So is a record with a control character (a NUL past the binary sniff) or with text the
 * file's encoding could not decode (Latin-1 read as UTF-8): stored, either would become a
 * location nobody can type or a name with U+FFFD in place of its letters.
 */
abstract class RowParser<T> {

    private final List<String> header;
    private final Charset charset;

    RowParser(List<String> header, Charset charset) {
        this.header = header;
        this.charset = charset;
    }

    /** The row, or null when the record is valid but has no reading to import. */
    abstract T parse(CSVRecord record) throws RowRejectedException;

    /** Checks the number of fields and that every field is text the file's encoding decoded. */
    final void checkRecord(CSVRecord record) throws RowRejectedException {
        if (record.size() != header.size()) {
            throw new RowRejectedException("expected " + header.size() + " columns, found " + record.size());
        }
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            for (int at = 0; at < value.length(); at++) {
                char c = value.charAt(at);
                if (c == '\uFFFD') {
                    throw new RowRejectedException("column " + header.get(i) + ": bytes that are not " + charset.name()
                            + " text" + (charset.equals(StandardCharsets.UTF_8)
                            ? " (a Latin-1 file? import it with --encoding ISO-8859-1)" : ""));
                }
                if (Character.isISOControl(c)) {
                    throw new RowRejectedException(String.format(Locale.ROOT,
                            "column %s: control character U+%04X at position %d", header.get(i), (int) c, at + 1));
                }
            }
        }
    }

    /** A location column: present, and within {@link Pm25Limits}. */
    final String location(CSVRecord record, int column) throws RowRejectedException {
        String value = text(record, column);
        if (value == null) {
            throw new RowRejectedException("column " + header.get(column) + " is empty");
        }
        Optional<String> problem = Pm25Limits.locationProblem(value);
        if (problem.isPresent()) {
            throw new RowRejectedException("column " + header.get(column) + ": " + problem.get());
        }
        return value;
    }

    /** A PM2.5 concentration: like {@link #reading}, and never negative. */
    final Double concentration(CSVRecord record, int column) throws RowRejectedException {
        Double value = reading(record, column);
        if (value != null && value < 0) {
            throw new RowRejectedException("column " + header.get(column) + ": negative concentration " + value);
        }
        return value;
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
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new RowRejectedException(String.format(Locale.ROOT, "impossible date %04d-%02d-%02d", year, month, day));
        }
        return storable(date);
    }

    static LocalDate isoDate(String value) throws RowRejectedException {
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("impossible or malformed date '" + value + "' (expected YYYY-MM-DD)");
        }
        return storable(date);
    }

    private static LocalDate storable(LocalDate date) throws RowRejectedException {
        Optional<String> problem = Pm25Limits.dayProblem(date);
        if (problem.isPresent()) {
            throw new RowRejectedException(problem.get());
        }
        return date;
    }

    static RowParser<?> of(Pm25Format format, List<String> header, String location, Charset charset) {
        return switch (format) {
            case DAILY -> new DailyRowParser(header, charset);
            case PRSA_MULTISITE -> new MultiSiteRowParser(header, charset);
            case PRSA_SINGLE -> new SingleSiteRowParser(header, location, charset);
        };
    }
}
