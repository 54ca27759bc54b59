package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringside.core.data.dataset.DatasetKind;

/**
 * The options of a {@code load-dataset} job.
 *
 * @param datasetKind what to treat the file as ({@code auto} when a request does not say)
 * @param rateMbps    the write-rate limit in MB/s, null for none
 */
public record LoadDatasetOptions(@JsonProperty(NAME) String name, @JsonProperty(DATASET_KIND) DatasetKind datasetKind,
                                 @JsonProperty(RATE_MBPS) Double rateMbps) implements JobOptions {

    public LoadDatasetOptions {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a load-dataset job needs the option '" + NAME + "'");
        }
        datasetKind = datasetKind == null ? DatasetKind.AUTO : datasetKind;
        if (rateMbps != null && !(rateMbps > 0)) {
            throw new IllegalArgumentException("a load-dataset job's option '" + RATE_MBPS
                    + "' must be a positive number of MB/s, not " + rateMbps);
        }
    }

    @JsonCreator
    static LoadDatasetOptions read(@JsonProperty(NAME) String name, @JsonProperty(DATASET_KIND) DatasetKind datasetKind,
                                   @JsonProperty(RATE_MBPS) Double rateMbps) {
        return new LoadDatasetOptions(name, datasetKind, rateMbps);
    }

    @Override
    public JobKind kind() {
        return JobKind.LOAD_DATASET;
    }

    /** The rate limit in bytes a second, 0 for none. */
    double bytesPerSecond() {
        return rateMbps == null ? 0 : rateMbps * 1e6;
    }
}
