package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The options of a {@code warm} job.
 *
 * @param version     the version to warm, null for the newest complete one
 * @param chunksPerS  chunk reads a second ({@value #DEFAULT_RATE} when a request does not say)
 */
public record WarmOptions(@JsonProperty(DATASET) String dataset, @JsonProperty(VERSION) Integer version,
                          @JsonProperty(RATE) double chunksPerS) implements JobOptions {

    public static final double DEFAULT_RATE = 20;

    public WarmOptions {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("a warm job needs the option '" + DATASET + "'");
        }
        if (!(chunksPerS > 0)) {
            throw new IllegalArgumentException("a warm job's option '" + RATE
                    + "' must be a positive number of chunks a second, not " + chunksPerS);
        }
    }

    @JsonCreator
    static WarmOptions read(@JsonProperty(DATASET) String dataset, @JsonProperty(VERSION) Integer version,
                            @JsonProperty(RATE) Double chunksPerS) {
        return new WarmOptions(dataset, version, chunksPerS == null ? DEFAULT_RATE : chunksPerS);
    }

    @Override
    public JobKind kind() {
        return JobKind.WARM;
    }
}
