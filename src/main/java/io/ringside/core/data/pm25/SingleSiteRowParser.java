package io.ringside.core.data.pm25;

import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * UCI Beijing single-site rows. The file names no site, so the operator's location is used.
 * {@code cbwd} (combined wind direction) goes to {@code wd}; the cumulated wind speed and hours
 * of snow and rain ({@code Iws}, {@code Is}, {@code Ir}) measure something else than the
 * hourly table's {@code wspm} and {@code rain} and are not stored.
 */
final class SingleSiteRowParser extends HourlyRowParser {

    private final String location;
    private final int pm25;
    private final int dewp;
    private final int temp;
    private final int pres;
    private final int cbwd;

    SingleSiteRowParser(List<String> header, String location, Charset charset) {
        super(header, charset);
        this.location = location;
        pm25 = column("pm2.5");
        dewp = column("DEWP");
        temp = column("TEMP");
        pres = column("PRES");
        cbwd = column("cbwd");
    }

    @Override
    HourlyReading readings(CSVRecord r, int y, int m, int d, int h) throws RowRejectedException {
        return new HourlyReading(location, y, m, d, h, concentration(r, pm25), null, null, null, null, null,
                reading(r, temp), reading(r, pres), reading(r, dewp), null, text(r, cbwd), null);
    }
}
