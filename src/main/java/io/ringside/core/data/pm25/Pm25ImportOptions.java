package io.ringside.core.data.pm25;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How to read the input: {@code format} null means detect it from each file's header;
 * {@code location} names the site for formats whose rows do not; an import whose share of
 * rejected rows is above {@code maxRejectedPercent} ends failed; {@code encoding} is the files'
 * text encoding (UTF-8 unless told: a row with bytes it cannot decode is rejected, not stored
 * with U+FFFD in it).
 */
public record Pm25ImportOptions(Pm25Format format, String location, double maxRejectedPercent, Charset encoding) {

    public static final double DEFAULT_MAX_REJECTED_PERCENT = 1.0;

    public Pm25ImportOptions {
        if (maxRejectedPercent < 0 || maxRejectedPercent > 100 || Double.isNaN(maxRejectedPercent)) {
            throw new IllegalArgumentException("--max-rejected must be a percentage from 0 to 100, not "
                    + maxRejectedPercent);
        }
        if (location != null && location.isBlank()) {
            throw new IllegalArgumentException("--location must not be empty");
        }
        if (location != null) {
            Pm25Limits.locationProblem(location).ifPresent(problem -> {
                throw new IllegalArgumentException("--location: " + problem);
            });
        }
        if (encoding == null) {
            encoding = StandardCharsets.UTF_8;
        }
    }

    public Pm25ImportOptions(Pm25Format format, String location, double maxRejectedPercent) {
        this(format, location, maxRejectedPercent, StandardCharsets.UTF_8);
    }

    public static Pm25ImportOptions defaults() {
        return new Pm25ImportOptions(null, null, DEFAULT_MAX_REJECTED_PERCENT);
    }

    public Pm25ImportOptions withFormat(Pm25Format value) {
        return new Pm25ImportOptions(value, location, maxRejectedPercent, encoding);
    }

    public Pm25ImportOptions withLocation(String value) {
        return new Pm25ImportOptions(format, value, maxRejectedPercent, encoding);
    }

    public Pm25ImportOptions withMaxRejectedPercent(double value) {
        return new Pm25ImportOptions(format, location, value, encoding);
    }

    public Pm25ImportOptions withEncoding(Charset value) {
        return new Pm25ImportOptions(format, location, maxRejectedPercent, value);
    }
}
