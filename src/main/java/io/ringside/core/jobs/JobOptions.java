package io.ringside.core.jobs;

/** Names of the request options the CLI and the console fill and the worker reads. */
public final class JobOptions {

    /** load-dataset: the dataset name. */
    public static final String NAME = "name";
    /** load-dataset: {@code auto}, {@code idx} or {@code binary}. */
    public static final String DATASET_KIND = "dataset_kind";
    /** load-dataset: write-rate limit in MB/s (absent: as fast as Cassandra takes it). */
    public static final String RATE_MBPS = "rate_mbps";
    /** load-pm25: {@code daily}, {@code prsa-multisite}, {@code prsa-single} (absent: detect). */
    public static final String FORMAT = "format";
    /** load-pm25: the location of a single-site file. */
    public static final String LOCATION = "location";
    /** load-pm25: the reject threshold in percent. */
    public static final String MAX_REJECTED = "max_rejected";
    /** Text encoding of PM2.5 files (a charset name; UTF-8 when absent). */
    public static final String ENCODING = "encoding";
    /** load-pm25: also import the built-in sample ({@code true}). */
    public static final String SAMPLE = "sample";
    /** warm: the dataset to warm; {@code version} optionally pins a version. */
    public static final String DATASET = "dataset";
    public static final String VERSION = "version";
    /** warm: chunk reads a second. */
    public static final String RATE = "rate";

    private JobOptions() {
    }
}
