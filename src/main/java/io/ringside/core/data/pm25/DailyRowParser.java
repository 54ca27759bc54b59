package io.ringside.core.data.pm25;

import java.nio.charset.Charset;
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

    DailyRowParser(List<String> header, Charset charset) {
        super(header, charset);
        date = column("date");
        location = column("location");
        avg = column("avg_pm25");
        min = column("min_pm25");
        max = column("max_pm25");
    }

    @Override
    DailyPm25 parse(CSVRecord r) throws RowRejectedException {
        checkRecord(r);
        String name = location(r, location);
        var day = isoDate(r.get(date));
        Double a = concentration(r, avg);
        Double lo = concentration(r, min);
        Double hi = concentration(r, max);
        if (a == null || lo == null || hi == null) {
            return null;
        }
        if (lo > hi) {
            throw new RowRejectedException("min_pm25 " + lo + " is above max_pm25 " + hi);
        }
        return new DailyPm25(name, day, a, lo, hi, null);
    }
}
