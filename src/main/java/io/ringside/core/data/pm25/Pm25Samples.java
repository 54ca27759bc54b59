package io.ringside.core.data.pm25;

/**
 * The built-in sample: nine days of a real daily export for one location whose name mixes
 * English and Hindi, so a fresh install has a series to chart and the whole path from file to
 * chart is exercised with non-ASCII text.
 */
public final class Pm25Samples {

    public static final String DAILY_RESOURCE = "/io/ringside/data/sample-pm25-daily.csv";

    private Pm25Samples() {
    }

    public static Pm25Source daily() {
        return Pm25Source.resource(Pm25Samples.class, DAILY_RESOURCE);
    }
}
