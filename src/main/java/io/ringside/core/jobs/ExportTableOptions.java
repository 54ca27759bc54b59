package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.core.data.export.ExportSource;

/**
 * The options of an {@code export-table} job: a table ({@code KS.TABLE}) or a {@code SELECT}
 * statement, and the file to write, which the worker must be able to write (an absolute path).
 *
 * @param table  {@code KS.TABLE}, or null when {@code query} is given
 * @param query  a {@code SELECT} statement, or null when {@code table} is given
 * @param format csv ({@code csv} when a request does not say) or json lines
 * @param gzip   compress the file (on the wire only when true)
 */
public record ExportTableOptions(@JsonProperty(TABLE) String table, @JsonProperty(QUERY) String query,
                                 @JsonProperty(TARGET) String target, @JsonProperty(FORMAT) ExportFormat format,
                                 @JsonProperty(GZIP) @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean gzip)
        implements JobOptions {

    public ExportTableOptions {
        if ((table == null || table.isBlank()) == (query == null || query.isBlank())) {
            throw new IllegalArgumentException("an export-table job needs the option '" + TABLE + "' or '" + QUERY
                    + "' (one of them)");
        }
        if (target == null || target.isBlank() || !java.nio.file.Path.of(target).isAbsolute()) {
            throw new IllegalArgumentException("an export-table job needs the option '" + TARGET
                    + "' as an absolute path, not " + (target == null ? "none" : "'" + target + "'"));
        }
        format = format == null ? ExportFormat.CSV : format;
        source(table, query); // checks KS.TABLE
    }

    @JsonCreator
    static ExportTableOptions read(@JsonProperty(TABLE) String table, @JsonProperty(QUERY) String query,
                                   @JsonProperty(TARGET) String target, @JsonProperty(FORMAT) ExportFormat format,
                                   @JsonProperty(GZIP) Boolean gzip) {
        return new ExportTableOptions(table, query, target, format, gzip != null && gzip);
    }

    @Override
    public JobKind kind() {
        return JobKind.EXPORT_TABLE;
    }

    /** What the job reads. */
    public ExportSource source() {
        return source(table, query);
    }

    /** What the job's events name as their source: the table, or the statement. */
    public String describeSource() {
        return source().describe();
    }

    private static ExportSource source(String table, String query) {
        return table != null && !table.isBlank() ? ExportSource.table(table) : ExportSource.query(query);
    }
}
