package io.ringside.core.data.pm25;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of the users' daily export. A day without all three figures is skipped (there is no
 * reading to chart), while figures that contradict each other (min above max) are rejected.
 */
final class DailyRowParser extends RowParser<DailyPm25> {

    private final int date;
    private final int location;
    private final int avg;
    private final int min;
    private final int max;

    DailyRowParser(List<String> header) {
        super(header);
        date = column("date");
        location = column("location");
        avg = column("avg_pm25");
        min = column("min_pm25");
        max = column("max_pm25");
    }

    @Override
    DailyPm25 parse(CSVRecord r) throws RowRejectedException {
        checkWidth(r);
        String name = text(r, location);
        if (name == null) {
            throw new RowRejectedException("column location is empty");
        }
        var day = isoDate(r.get(date));
        Double a = reading(r, avg);
        Double lo = reading(r, min);
        Double hi = reading(r, max);
        if (a == null || lo == null || hi == null) {
            return null;
        }
        if (lo > hi) {
            throw new RowRejectedException("min_pm25 " + lo + " is above max_pm25 " + hi);
        }
        return new DailyPm25(name, day, a, lo, hi, null);
    }
}
