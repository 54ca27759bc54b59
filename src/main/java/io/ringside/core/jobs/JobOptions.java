package io.ringside.core.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.ringside.core.Json;
import io.ringside.core.MessageText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's options, one record per {@link JobKind}, checked once when the record is made: by the
 * CLI or the console before it submits, by the worker when it reads the request.
 *
 * <p>On the wire {@code options} stays what the conventions fixed: a JSON object of text values
 * named by the constants below. Jackson writes a record to that object and reads it back, so a
 * request written before the records existed reads into the same record, and a reader that only
 * knows the names still finds every value where it was.
 */
public sealed interface JobOptions permits LoadDatasetOptions, LoadPm25Options, WarmOptions,
        ExportTableOptions {

    /** load-dataset: the dataset name. */
    String NAME = "name";
    /** load-dataset: {@code auto}, {@code idx} or {@code binary}. */
    String DATASET_KIND = "dataset_kind";
    /** load-dataset: write-rate limit in MB/s (absent: as fast as Cassandra takes it). */
    String RATE_MBPS = "rate_mbps";
    /**
     * load-pm25: {@code daily}, {@code prsa-multisite}, {@code prsa-single} (absent: detect);
     * export-table: {@code csv} or {@code json}.
     */
    String FORMAT = "format";
    /** load-pm25: the location of a single-site file. */
    String LOCATION = "location";
    /** load-pm25: the reject threshold in percent. */
    String MAX_REJECTED = "max_rejected";
    /** Text encoding of PM2.5 files (a charset name; UTF-8 when absent). */
    String ENCODING = "encoding";
    /** load-pm25: also import the built-in sample ({@code true}). */
    String SAMPLE = "sample";
    /** warm: the dataset to warm; {@code version} optionally pins a version. */
    String DATASET = "dataset";
    String VERSION = "version";
    /** warm: chunk reads a second. */
    String RATE = "rate";
    /** export-table: the table, {@code KS.TABLE}. */
    String TABLE = "table";
    /** export-table: a {@code SELECT} statement, instead of a table. */
    String QUERY = "query";
    /** export-table: the absolute path of the file to write. */
    String TARGET = "target";
    /** export-table: gzip the file ({@code true}). */
    String GZIP = "gzip";

    /** The kind of job these options are for. */
    JobKind kind();

    /** The options as they go on the wire: names to text, absent options left out. */
    default Map<String, String> toWire() {
        return new LinkedHashMap<>(Json.mapper().convertValue(this, new TypeReference<Map<String, String>>() { }));
    }

    /**
     * Reads a request's options into the record of its kind.
     *
     * @throws IllegalArgumentException naming the option that is missing or invalid
     */
    static JobOptions fromWire(JobKind kind, Map<String, String> options) {
        try {
            return Json.mapper().convertValue(options == null ? Map.of() : options, kind.optionsType());
        } catch (IllegalArgumentException e) {
            throw invalid(kind, e);
        }
    }

    private static IllegalArgumentException invalid(JobKind kind, IllegalArgumentException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String option = cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().get(0).getFieldName() : null;
        String reason;
        if (cause instanceof InvalidFormatException format) {
            reason = "'" + MessageText.quote(String.valueOf(format.getValue())) + "' is not a valid "
                    + format.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        } else {
            // the check that refused the value: the first IllegalArgumentException under Jackson's wrapping
            Throwable check = cause;
            while (check != null && !(check instanceof IllegalArgumentException)) {
                check = check.getCause();
            }
            reason = check != null && check.getMessage() != null ? check.getMessage() : cause.getMessage();
        }
        if (option == null || reason.contains("'" + option + "'")) {
            return new IllegalArgumentException(reason, e);
        }
        return new IllegalArgumentException("a " + kind.label() + " job's option '" + option + "': " + reason, e);
    }
}
