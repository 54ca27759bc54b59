package io.ringside.core.data.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.data.dataset.LoadInterruptedException;
import io.ringside.core.data.dataset.LoadInterruption;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table and query exports against the shared stack: every row once, in DSBulk's CSV format, read
 * back equal to the table; a suspended export continued by a second run keeps the ranges the first
 * one recorded and neither loses nor repeats a row.
 */
@ExtendWith(SharedStack.class)
class TableExportTest {

    private static final String HEADER = "location,year,month,day,hour,co,dewp,no2,o3,pm10,pm25,pres,rain,so2,temp,wd,wspm";

    @TempDir
    Path dir;

    @Test
    void aTableExportHoldsEveryRowOfTheTableOnceAndReadsBackAsTheTable(TestStack stack) throws IOException {
        CqlSession session = stack.cql();
        new Pm25Store(session).ensureSchema();
        String location = "export-" + UUID.randomUUID();
        seed(session, "aqdata.pm25_hourly", location, 3, 24);
        Path file = dir.resolve("hourly.csv");

        ExportResult result = new TableExporter(session).export(ExportSource.table("aqdata.pm25_hourly"),
                ExportFormat.CSV, false, file, "t1", p -> { }, () -> null);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(HEADER, lines.get(0), "the columns in the table's order, as DSBulk unload names them");
        Set<String> exported = new HashSet<>(lines.subList(1, lines.size()));
        assertEquals(lines.size() - 1, exported.size(), "no row twice");
        assertEquals(result.rows(), exported.size());
        Set<String> table = new HashSet<>();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT * FROM aqdata.pm25_hourly")
                .setTimeout(Duration.ofSeconds(60)))) {
            table.add(csvLine(row));
        }
        assertEquals(table, exported, "read back: the same rows as the table");
        assertTrue(exported.contains(location + ",2015,2,3,4,1000.0,-5.5,60.0,2.0,,34.5,1012.25,0.0,9.0,1.5E-4,\"N,E\",2.1"),
                "numbers unrounded (Double.toString), null empty, a comma quoted: " + lines.subList(0, 3));
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith(".")),
                "no work folder or temporary file left: " + Files.list(dir).toList());
    }

    @Test
    void aGzippedJsonLinesExportOfASelectHoldsItsRows(TestStack stack) throws IOException {
        CqlSession session = stack.cql();
        new Pm25Store(session).ensureSchema();
        String location = "export-" + UUID.randomUUID();
        seed(session, "aqdata.pm25_hourly", location, 1, 10);
        Path file = dir.resolve("query.jsonl.gz");

        ExportResult result = new TableExporter(session).export(ExportSource.query(
                "SELECT location, day, hour, pm25, pm10, wd FROM aqdata.pm25_hourly WHERE location = '" + location
                        + "' AND year = 2015 AND month = 1"), ExportFormat.JSON, true, file, "t2", p -> { }, () -> null);

        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                rows.add(Json.mapper().readTree(line));
            }
        }
        assertEquals(10, rows.size());
        assertEquals(10, result.rows());
        JsonNode first = rows.get(0);
        assertEquals(location, first.path("location").asText());
        assertTrue(first.path("pm25").isDouble(), first.toString());
        assertTrue(first.path("pm10").isNull(), first.toString());
        assertEquals("N,E", first.path("wd").asText());
    }

    @Test
    void aSuspendedExportKeepsItsRecordedRangesAndTheNextRunNeitherLosesNorRepeatsARow(TestStack stack)
            throws IOException {
        CqlSession session = stack.cql();
        new Pm25Store(session).ensureSchema();
        session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS aqdata.export_resume_test (location text, "
                + "year int, month int, day int, hour int, pm25 double, pm10 double, so2 double, no2 double, co double, "
                + "o3 double, temp double, pres double, dewp double, rain double, wd text, wspm double, "
                + "PRIMARY KEY ((location, year, month), day, hour))").setTimeout(Duration.ofSeconds(60)));
        session.execute(SimpleStatement.newInstance("TRUNCATE aqdata.export_resume_test").setTimeout(Duration.ofSeconds(60)));
        for (int site = 0; site < 20; site++) {
            seed(session, "aqdata.export_resume_test", "site-" + site, 12, 4);
        }
        Path file = dir.resolve("resume.csv");
        AtomicInteger asked = new AtomicInteger();
        TableExporter oneAtATime = new TableExporter(session, 1);

        // asked before each range and after each page: a worker stopping about a third of the way through
        LoadInterruptedException suspended = assertThrows(LoadInterruptedException.class, () -> oneAtATime.export(
                ExportSource.table("aqdata.export_resume_test"), ExportFormat.CSV, false, file, "job-1", p -> { },
                () -> asked.incrementAndGet() > 40 ? LoadInterruption.SUSPEND : null));

        assertEquals(LoadInterruption.SUSPEND, suspended.interruption());
        assertFalse(Files.exists(file), "a suspended export leaves no file under the target's name");
        Path work = RangeLedger.folderOf(file.toAbsolutePath(), "job-1");
        int recorded = Files.readAllLines(work.resolve(RangeLedger.LEDGER)).size();
        assertTrue(recorded >= 10 && recorded < TableExporter.RANGES, "ranges recorded: " + recorded);

        ExportResult resumed = oneAtATime.export(ExportSource.table("aqdata.export_resume_test"), ExportFormat.CSV,
                false, file, "job-1", p -> { }, () -> null);

        assertEquals(recorded, resumed.rangesKept(), "the recorded ranges are kept, not read again");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(20 * 12 * 4, lines.size() - 1, "every row once");
        assertEquals(lines.size() - 1, new HashSet<>(lines.subList(1, lines.size())).size(), "no row twice");
        assertEquals(20 * 12 * 4, resumed.rows());
        assertFalse(Files.exists(work), "the work folder goes once the file is in place");
        try (CSVParser csv = CSVParser.parse(file, StandardCharsets.UTF_8, RowWriter.CSV.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : csv) {
                assertTrue(record.get("location").startsWith("site-"), record.toString());
            }
        }
    }

    @Test
    void aPlainScanQueryIsReadByTokenRangeAndWritesTheRowsOfOneRead(TestStack stack) throws IOException {
        CqlSession session = stack.cql();
        String query = "SELECT location, month, hour, pm25 FROM aqdata.export_query_test WHERE pm25 >= 20.0 ALLOW FILTERING";
        fillQueryTable(session);
        List<ExportProgress> reports = new ArrayList<>();

        ExportResult byRange = new TableExporter(session).export(ExportSource.query(query), ExportFormat.CSV, false,
                dir.resolve("by-range.csv"), "q1", reports::add, () -> null);
        ExportResult whole = new TableExporter(session, TableExporter.DEFAULT_PARALLELISM, false).export(
                ExportSource.query(query), ExportFormat.CSV, false, dir.resolve("whole.csv"), "q2", p -> { }, () -> null);

        assertEquals(TableExporter.RANGES, byRange.ranges(), "read as the table's token ranges");
        assertEquals(1, whole.ranges());
        ExportProgress last = reports.get(reports.size() - 1);
        assertTrue(last.byRange() && last.rangesDone() == TableExporter.RANGES
                && last.rangesTotal() == TableExporter.RANGES, "progress in token ranges: " + last);
        List<String> ranged = Files.readAllLines(dir.resolve("by-range.csv"), StandardCharsets.UTF_8);
        List<String> single = Files.readAllLines(dir.resolve("whole.csv"), StandardCharsets.UTF_8);
        assertEquals("location,month,hour,pm25", ranged.get(0));
        assertEquals(single.get(0), ranged.get(0));
        assertEquals(QUERY_SITES * QUERY_MONTHS * (QUERY_HOURS - 2), ranged.size() - 1, "hours 2 and later match");
        assertEquals(byRange.rows(), ranged.size() - 1);
        assertEquals(sorted(single.subList(1, single.size())), sorted(ranged.subList(1, ranged.size())),
                "the same rows as the one read, in another order");
    }

    @Test
    void aQueryJobBegunAsOneRangeGoesOnAsOneRange(TestStack stack) throws IOException {
        CqlSession session = stack.cql();
        String query = "SELECT location, month, hour, pm25 FROM aqdata.export_query_test WHERE pm25 >= 20.0 ALLOW FILTERING";
        fillQueryTable(session);
        Path file = dir.resolve("begun.csv");
        // the run of a version that read every query as one range, stopped before its range was written
        assertThrows(LoadInterruptedException.class, () -> new TableExporter(session, 1, false).export(
                ExportSource.query(query), ExportFormat.CSV, false, file, "job-2", p -> { },
                () -> LoadInterruption.SUSPEND));
        assertTrue(Files.exists(RangeLedger.folderOf(file.toAbsolutePath(), "job-2").resolve(RangeLedger.PLAN)));

        ExportResult resumed = new TableExporter(session).export(ExportSource.query(query), ExportFormat.CSV, false,
                file, "job-2", p -> { }, () -> null);

        assertEquals(1, resumed.ranges(), "the plan the job began with, not the token ranges");
        assertEquals(QUERY_SITES * QUERY_MONTHS * (QUERY_HOURS - 2), resumed.rows());
    }

    @Test
    void aDirectoryIsRefusedAsATargetBeforeAnythingIsRead(TestStack stack) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TableExporter(stack.cql())
                .export(ExportSource.table("aqdata.pm25_hourly"), ExportFormat.CSV, false, dir, "t3", p -> { },
                        () -> null));
        assertTrue(e.getMessage().contains("it is a directory"), e.getMessage());
    }

    private static final int QUERY_SITES = 20;
    private static final int QUERY_MONTHS = 3;
    private static final int QUERY_HOURS = 6;

    /**
     * A table of its own, {@code QUERY_SITES * QUERY_MONTHS} partitions of {@code QUERY_HOURS} rows
     * with pm25 ten times the hour; written the same by every test (upserts), so none empties it.
     */
    private static void fillQueryTable(CqlSession session) {
        new Pm25Store(session).ensureSchema();
        session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS aqdata.export_query_test (location text, "
                + "year int, month int, hour int, pm25 double, PRIMARY KEY ((location, year, month), hour))")
                .setTimeout(Duration.ofSeconds(60)));
        PreparedStatement insert = session.prepare("INSERT INTO aqdata.export_query_test (location, year, month, hour, "
                + "pm25) VALUES (?, 2015, ?, ?, ?)");
        for (int site = 0; site < QUERY_SITES; site++) {
            for (int month = 1; month <= QUERY_MONTHS; month++) {
                BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
                for (int hour = 0; hour < QUERY_HOURS; hour++) {
                    batch = batch.add(insert.bind("site-" + site, month, hour, hour * 10.0));
                }
                session.execute(batch.setTimeout(Duration.ofSeconds(60)));
            }
        }
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    /** {@code months} partitions of {@code hours} rows each, in 2015, with a null pm10 and a comma in wd. */
    private static void seed(CqlSession session, String table, String location, int months, int hours) {
        PreparedStatement insert = session.prepare("INSERT INTO " + table + " (location, year, month, day, hour, pm25, "
                + "pm10, so2, no2, co, o3, temp, pres, dewp, rain, wd, wspm) VALUES (?, 2015, ?, 3, ?, 34.5, null, "
                + "9.0, 60.0, 1000.0, 2.0, 1.5E-4, 1012.25, -5.5, 0.0, 'N,E', 2.1)");
        for (int month = 1; month <= months; month++) {
            BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
            for (int hour = 0; hour < hours; hour++) {
                batch = batch.add(insert.bind(location, month, hour));
            }
            session.execute(batch.setTimeout(Duration.ofSeconds(60)));
        }
    }

    private static String csvLine(Row row) {
        StringBuilder line = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(line, RowWriter.CSV)) {
            for (int i = 0; i < row.getColumnDefinitions().size(); i++) {
                printer.print(ValueText.csv(row.getObject(i)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return line.toString();
    }
}
