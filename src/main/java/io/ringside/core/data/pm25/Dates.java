package io.ringside.core.data.pm25;

import java.time.LocalDate;

/**
 * Shared {@link LocalDate} instances for the days a PM2.5 series can hold (1900-2199). Decoding a
 * cached year builds 365 dates, and {@code LocalDate.ofEpochDay}'s calendar arithmetic was most
 * of the cost of a cache hit; a lookup in a table is not. LocalDate is immutable, so instances
 * can be shared and a racy fill only ever stores equal values.
 */
final class Dates {

    private static final long FIRST = Pm25Limits.FIRST_DAY.toEpochDay();
    private static final long LAST = Pm25Limits.LAST_DAY.toEpochDay();
    private static final LocalDate[] TABLE = new LocalDate[(int) (LAST - FIRST + 1)];

    private Dates() {
    }

    static LocalDate ofEpochDay(long epochDay) {
        if (epochDay < FIRST || epochDay > LAST) {
            return LocalDate.ofEpochDay(epochDay);
        }
        int index = (int) (epochDay - FIRST);
        LocalDate date = TABLE[index];
        if (date == null) {
            date = LocalDate.ofEpochDay(epochDay);
            TABLE[index] = date;
        }
        return date;
    }
}
