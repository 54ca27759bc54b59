package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.data.export.ExportFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The export-table job's options on the wire, and why a read-only profile may run it but not a load. */
class ExportTableOptionsTest {

    @Test
    void optionsGoOnTheWireAsTextAndReadBackIntoTheRecord() {
        ExportTableOptions options = new ExportTableOptions("aqdata.pm25_hourly", null, "/tmp/out.csv.gz",
                ExportFormat.CSV, true);

        Map<String, String> wire = options.toWire();

        assertEquals(Map.of("table", "aqdata.pm25_hourly", "target", "/tmp/out.csv.gz", "format", "csv", "gzip", "true"),
                wire);
        assertEquals(options, JobOptions.fromWire(JobKind.EXPORT_TABLE, wire));
        assertEquals(ExportFormat.CSV, ((ExportTableOptions) JobOptions.fromWire(JobKind.EXPORT_TABLE,
                Map.of("table", "a.b", "target", "/x"))).format(), "csv when a request does not say");
        assertFalse(new ExportTableOptions("a.b", null, "/x", ExportFormat.JSON, false).toWire().containsKey("gzip"));
    }

    @Test
    void aBadOptionIsNamed() {
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> JobOptions.fromWire(JobKind.EXPORT_TABLE, Map.of("table", "a.b", "target", "out.csv")));
        assertTrue(relative.getMessage().contains("'target' as an absolute path"), relative.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> JobOptions.fromWire(
                JobKind.EXPORT_TABLE, Map.of("table", "a.b", "query", "SELECT * FROM a.b", "target", "/x")));
        assertTrue(both.getMessage().contains("'table' or 'query'"), both.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> new ExportTableOptions("pm25_hourly", null, "/x", null, false));
        assertTrue(name.getMessage().contains("is not KS.TABLE"), name.getMessage());
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class, () -> JobOptions.fromWire(
                JobKind.EXPORT_TABLE, Map.of("table", "a.b", "target", "/x", "format", "xml")));
        assertTrue(format.getMessage().contains("unknown export format 'xml'"), format.getMessage());
    }

    @Test
    void aReadOnlyProfileMayExportButNotLoad() {
        JobRequest export = JobRequest.of(UUID.randomUUID(), List.of("a.b"),
                new ExportTableOptions("a.b", null, "/x", null, false), "me", Instant.now(), "ro", true);
        JobRequest load = JobRequest.of(UUID.randomUUID(), List.of("/f"),
                new LoadDatasetOptions("d", null, null), "me", Instant.now(), "ro", true);

        export.checkAllowed("start an export-table job");
        assertThrows(ReadOnlyProfileException.class, () -> load.checkAllowed("start a load-dataset job"));
    }
}
