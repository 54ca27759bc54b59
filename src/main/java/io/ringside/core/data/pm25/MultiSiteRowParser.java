package io.ringside.core.data.pm25;

import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** UCI Beijing multi-site rows: every measurement column maps to one of {@code pm25_hourly}. */
final class MultiSiteRowParser extends HourlyRowParser {

    private final int pm25;
    private final int pm10;
    private final int so2;
    private final int no2;
    private final int co;
    private final int o3;
    private final int temp;
    private final int pres;
    private final int dewp;
    private final int rain;
    private final int wd;
    private final int wspm;
    private final int station;

    MultiSiteRowParser(List<String> header, Charset charset) {
        super(header, charset);
        pm25 = column("PM2.5");
        pm10 = column("PM10");
        so2 = column("SO2");
        no2 = column("NO2");
        co = column("CO");
        o3 = column("O3");
        temp = column("TEMP");
        pres = column("PRES");
        dewp = column("DEWP");
        rain = column("RAIN");
        wd = column("wd");
        wspm = column("WSPM");
        station = column("station");
    }

    @Override
    HourlyReading readings(CSVRecord r, int y, int m, int d, int h) throws RowRejectedException {
        String location = location(r, station);
        return new HourlyReading(location, y, m, d, h, concentration(r, pm25), reading(r, pm10), reading(r, so2),
                reading(r, no2), reading(r, co), reading(r, o3), reading(r, temp), reading(r, pres), reading(r, dewp),
                reading(r, rain), text(r, wd), reading(r, wspm));
    }
}
