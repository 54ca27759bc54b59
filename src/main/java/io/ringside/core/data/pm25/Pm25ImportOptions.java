package io.ringside.core.data.pm25;

/**
 * How to read the input: {@code format} null means detect it from each file's header;
 * {@code location} names the site for formats whose rows do not; an import whose share of
 * rejected rows is above {@code maxRejectedPercent} ends failed.
 */
public record Pm25ImportOptions(Pm25Format format, String location, double maxRejectedPercent) {

    public static final double DEFAULT_MAX_REJECTED_PERCENT = 1.0;

    public Pm25ImportOptions {
        if (maxRejectedPercent < 0 || maxRejectedPercent > 100 || Double.isNaN(maxRejectedPercent)) {
            throw new IllegalArgumentException("--max-rejected must be a percentage from 0 to 100, not "
                    + maxRejectedPercent);
        }
        if (location != null && location.isBlank()) {
            throw new IllegalArgumentException("--location must not be empty");
        }
    }

    public static Pm25ImportOptions defaults() {
        return new Pm25ImportOptions(null, null, DEFAULT_MAX_REJECTED_PERCENT);
    }

    public Pm25ImportOptions withFormat(Pm25Format value) {
        return new Pm25ImportOptions(value, location, maxRejectedPercent);
    }

    public Pm25ImportOptions withLocation(String value) {
        return new Pm25ImportOptions(format, value, maxRejectedPercent);
    }

    public Pm25ImportOptions withMaxRejectedPercent(double value) {
        return new Pm25ImportOptions(format, location, value);
    }
}
