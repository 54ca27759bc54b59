package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringside.core.data.pm25.Pm25Format;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The options of a {@code load-pm25} job.
 *
 * @param format      null to detect each file's format from its header
 * @param location    the site of a single-site file, else null
 * @param maxRejected the reject threshold in percent ({@value Pm25ImportOptions#DEFAULT_MAX_REJECTED_PERCENT} when a
 *                    request does not say)
 * @param encoding    the files' text encoding, null for UTF-8
 * @param sample      also import the built-in sample
 */
public record LoadPm25Options(@JsonProperty(FORMAT) Pm25Format format, @JsonProperty(LOCATION) String location,
                              @JsonProperty(MAX_REJECTED) double maxRejected,
                              @JsonProperty(ENCODING) Charset encoding,
                              @JsonProperty(SAMPLE) @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean sample)
        implements JobOptions {

    public LoadPm25Options {
        if (StandardCharsets.UTF_8.equals(encoding)) {
            encoding = null;
        }
        try {
            new Pm25ImportOptions(format, location, maxRejected, encoding); // the fields are not set yet
        } catch (IllegalArgumentException e) {
            // Pm25ImportOptions speaks of the CLI's flags; a request names its options
            throw new IllegalArgumentException("a load-pm25 job's option '" + (e.getMessage().startsWith("--location")
                    ? LOCATION : MAX_REJECTED) + "': " + e.getMessage().replaceFirst("^--[a-z-]+:? ", ""), e);
        }
    }

    @JsonCreator
    static LoadPm25Options read(@JsonProperty(FORMAT) Pm25Format format, @JsonProperty(LOCATION) String location,
                                @JsonProperty(MAX_REJECTED) Double maxRejected, @JsonProperty(ENCODING) Charset encoding,
                                @JsonProperty(SAMPLE) Boolean sample) {
        return new LoadPm25Options(format, location,
                maxRejected == null ? Pm25ImportOptions.DEFAULT_MAX_REJECTED_PERCENT : maxRejected, encoding,
                Boolean.TRUE.equals(sample));
    }

    /** The options of a load the CLI checked already. */
    public static LoadPm25Options of(Pm25ImportOptions options, boolean sample) {
        return new LoadPm25Options(options.format(), options.location(), options.maxRejectedPercent(),
                options.encoding(), sample);
    }

    @Override
    public JobKind kind() {
        return JobKind.LOAD_PM25;
    }

    /** What the importer is given. */
    public Pm25ImportOptions importOptions() {
        return new Pm25ImportOptions(format, location, maxRejected, encoding);
    }
}
