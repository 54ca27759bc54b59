package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringside export} as a script sees it: a job with a progress bar, the file, the exit codes. */
@ExtendWith(SharedStack.class)
class ExportCliTest {

    @TempDir
    Path dir;

    @Test
    void anExportOfAQueryRunsAsAJobAndWritesTheRowsWithAHeader(TestStack stack) throws IOException {
        CqlSession session = stack.cql();
        new Pm25Store(session).ensureSchema();
        String location = "export-cli-" + UUID.randomUUID();
        for (int hour = 0; hour < 5; hour++) {
            session.execute(SimpleStatement.newInstance("INSERT INTO aqdata.pm25_hourly (location, year, month, day, "
                    + "hour, pm25) VALUES (?, 2016, 7, 1, ?, ?)", location, hour, 10.0 + hour)
                    .setTimeout(Duration.ofSeconds(30)));
        }
        Path file = dir.resolve("rows.csv");

        CliRun run = CliRun.in(stack.dataFolder(), "export", "query", "SELECT hour, pm25 FROM aqdata.pm25_hourly "
                + "WHERE location = '" + location + "' AND year = 2016 AND month = 7", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("(export-table)"), "submitted as a job: " + run.err());
        assertTrue(run.out().contains("exported 5 rows"), run.out());
        assertEquals(List.of("hour,pm25", "0,10.0", "1,11.0", "2,12.0", "3,13.0", "4,14.0"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryAsTheFileIsAUsageErrorAndNoJobIsSubmitted(TestStack stack) {
        CliRun run = CliRun.in(stack.dataFolder(), "export", "table", "aqdata.pm25_hourly", dir.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("it is a directory, not a regular file"), run.err());
        assertFalse(run.err().contains("submitted"), run.err());
    }
}
