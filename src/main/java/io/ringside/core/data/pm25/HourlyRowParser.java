package io.ringside.core.data.pm25;

import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** What both UCI hourly layouts share: the time columns, and an hour must exist on the calendar. */
abstract class HourlyRowParser extends RowParser<HourlyReading> {

    private final int year;
    private final int month;
    private final int day;
    private final int hour;

    HourlyRowParser(List<String> header, Charset charset) {
        super(header, charset);
        year = column("year");
        month = column("month");
        day = column("day");
        hour = column("hour");
    }

    @Override
    final HourlyReading parse(CSVRecord record) throws RowRejectedException {
        checkRecord(record);
        int y = integer(record, year);
        int m = integer(record, month);
        int d = integer(record, day);
        int h = integer(record, hour);
        date(y, m, d);
        if (h < 0 || h > 23) {
            throw new RowRejectedException("hour " + h + " is not in 0-23");
        }
        return readings(record, y, m, d, h);
    }

    abstract HourlyReading readings(CSVRecord record, int y, int m, int d, int h) throws RowRejectedException;
}
