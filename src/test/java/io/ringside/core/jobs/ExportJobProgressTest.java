package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an export job tells while it runs, against the shared stack: the rows of a query read as
 * one range have no known total, so its running events give rows and bytes written and never a
 * share of 100 % nor token ranges (it is not split by them); only its final event says done. A
 * table keeps its token-range progress.
 */
@ExtendWith(SharedStack.class)
class ExportJobProgressTest {

    /** More than one page of the exporter's paging (5,000 rows), so a running query export reports twice or more. */
    private static final int ROWS = 7_000;
    private static final String TABLE = "aqdata.export_progress_test";
    private static boolean seeded;

    @TempDir
    Path dir;

    @Test
    void aRunningQueryExportCountsRowsWithoutATotalAndOnlyItsLastEventSaysDone(TestStack stack) throws Exception {
        seed(stack.cql());
        try (DataServices services = new DataServices(stack.backends())) {
            Path target = dir.resolve("query.csv");
            List<ProgressEvent> events = run(services, stack, new ExportTableOptions(null,
                    "SELECT k, c, v FROM " + TABLE + " LIMIT " + 2 * ROWS, target.toString(), ExportFormat.CSV,
                    false)); // a LIMIT keeps it one read: a plain scan would be read by token range

            ProgressEvent last = events.get(events.size() - 1);
            assertEquals(JobState.SUCCEEDED, last.state(), last.message());
            assertEquals(ROWS, last.done(), last.toString());
            assertEquals(ROWS, last.total(), last.toString());
            assertEquals("100%", last.percent());
            assertEquals(ROWS + 1, Files.readAllLines(target).size(), "the header and every row");
            List<ProgressEvent> before = events.subList(0, events.size() - 1);
            for (ProgressEvent e : before) {
                assertFalse(e.terminal(), "only the last event ends the job: " + events);
                assertFalse(e.total() > 0 && e.done() >= e.total(), "done == total before the end: " + e);
                assertFalse(e.fraction() >= 1.0 || e.percent().equals("100%"), "100 % before the end: " + e);
                assertFalse(String.valueOf(e.message()).contains("token range"), "a query has no token ranges: " + e);
            }
            List<ProgressEvent> running = before.stream().filter(e -> e.state() == JobState.RUNNING).toList();
            assertTrue(running.size() >= 2, "a running event per page at least: " + events);
            for (ProgressEvent e : running) {
                assertEquals(0, e.total(), "the total is not known while the query is read: " + e);
                assertFalse(e.fractionKnown(), e.toString());
                assertEquals("", e.percent(), e.toString());
                assertNull(e.etaS(), "no ETA without a total: " + e);
                assertTrue(e.ratePerS() != null && e.ratePerS() > 0, "a rate: " + e);
                assertTrue(e.message().matches("[\\d,]+ rows written, [\\d.]+ (B|kB|MB)"), e.message());
                assertTrue(e.message().startsWith(String.format(java.util.Locale.ROOT, "%,d rows", e.done())),
                        e.message());
            }
            assertTrue(running.get(running.size() - 1).done() > running.get(0).done(), "rows grow: " + running);
        }
    }

    @Test
    void aRunningTableExportKeepsItsTokenRangeProgress(TestStack stack) throws Exception {
        seed(stack.cql());
        try (DataServices services = new DataServices(stack.backends())) {
            List<ProgressEvent> events = run(services, stack, new ExportTableOptions(TABLE, null,
                    dir.resolve("table.csv").toString(), ExportFormat.CSV, false));

            ProgressEvent last = events.get(events.size() - 1);
            assertEquals(JobState.SUCCEEDED, last.state(), last.message());
            assertEquals(ROWS, last.done());
            assertTrue(events.stream().anyMatch(e -> e.state() == JobState.RUNNING && e.total() > 0
                    && e.fractionKnown() && String.valueOf(e.message()).matches("\\d+ of 64 token ranges written")),
                    "a table's running events count token ranges against an estimated total: " + events);
        }
    }

    private static List<ProgressEvent> run(DataServices services, TestStack stack, ExportTableOptions options) {
        JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
        JobRequest request = client.request(List.of(options.describeSource()), options, null, false);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        ProgressEvent end = InProcessJob.run(services, stack.dataFolder(), "local", request, events::add);
        assertEquals(end, events.get(events.size() - 1), "the final event is the last one published");
        return events;
    }

    /** {@value #ROWS} rows, a hundred a partition; written once per test run (upserts, so a rerun is harmless). */
    private static synchronized void seed(CqlSession session) throws Exception {
        if (seeded) {
            return;
        }
        new Pm25Store(session).ensureSchema();
        session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS " + TABLE
                + " (k int, c int, v text, PRIMARY KEY (k, c))").setTimeout(Duration.ofSeconds(60)));
        PreparedStatement insert = session.prepare("INSERT INTO " + TABLE + " (k, c, v) VALUES (?, ?, ?)");
        List<CompletableFuture<AsyncResultSet>> window = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            window.add(session.executeAsync(insert.bind(i / 100, i % 100, "row " + i)
                    .setTimeout(Duration.ofSeconds(60))).toCompletableFuture());
            if (window.size() == 64) {
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
                window.clear();
            }
        }
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        seeded = true;
    }
}
