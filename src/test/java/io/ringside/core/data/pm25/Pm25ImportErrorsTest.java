package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedStack.class)
class Pm25ImportErrorsTest {

    private static final String MULTISITE_HEADER =
            "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\",\"TEMP\","
                    + "\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"";
    private static final String SINGLE_HEADER = "No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir";

    @TempDir
    Path dir;

    @Test
    void badRowsAreReportedWithFileAndLineAndTheImportSucceedsUnderTheThreshold(TestStack stack) throws IOException {
        String station = "test-" + UUID.randomUUID();
        Path file = fileWithBadRows(station);
        CliRun run = load(stack, file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(file + ":52: expected 18 columns, found 17"), run.err());
        assertTrue(run.err().contains(file + ":103: column PM2.5: not a number: 'abc'"), run.err());
        assertTrue(run.err().contains(file + ":204: impossible date 2023-02-30"), run.err());
        assertTrue(run.err().contains(file + ":305: hour 24 is not in 0-23"), run.err());
        assertTrue(run.out().contains("rows read      404"), run.out());
        assertTrue(run.out().contains("rows imported  400"), run.out());
        assertTrue(run.out().contains("rows rejected  4 (0.99%, limit 1%)"), run.out());
        assertTrue(run.out().contains("status         succeeded"), run.out());
    }

    @Test
    void moreRejectsThanTheThresholdFailTheImportAndSayTheValidRowsStay(TestStack stack) throws IOException {
        String station = "test-" + UUID.randomUUID();
        Path file = fileWithBadRows(station);
        CliRun run = load(stack, file.toString(), "--max-rejected", "0.5");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("status         failed"), run.out());
        assertTrue(run.err().contains("import failed: 4 of 404 rows rejected (0.99%, above --max-rejected 0.5%)"),
                run.err());
        assertTrue(run.err().contains("The 400 valid rows were written and stay written"), run.err());
        try (Backends backends = stack.backends()) {
            assertEquals(50, new Pm25Store(backends.cql()).readYear(station, 2023).size(),
                    "the valid rows are in Cassandra");
        }
    }

    @Test
    void aPngGetsAOneLineErrorNamingTheFile(TestStack stack) throws IOException {
        Path png = dir.resolve("chart.png");
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        Files.write(png, bytes);
        CliRun run = load(stack, png.toString());
        assertEquals(1, run.exitCode());
        assertEquals("ringside: " + png + ": not a CSV text file (looks like a PNG image)", run.err().strip());
    }

    @Test
    void aCsvWithAnUnknownHeaderGetsAOneLineErrorNamingTheFile(TestStack stack) throws IOException {
        Path csv = Files.writeString(dir.resolve("other.csv"), "a,b,c\n1,2,3\n");
        CliRun run = load(stack, csv.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("ringside: " + csv + ": not a PM2.5 CSV this importer knows"), run.err());
    }

    @Test
    void aWrongFileAmongGoodOnesFailsBeforeAnythingIsWritten(TestStack stack) throws IOException {
        String station = "test-" + UUID.randomUUID();
        Path good = fileWithBadRows(station);
        Path bad = Files.writeString(dir.resolve("other.csv"), "a,b,c\n");
        CliRun run = load(stack, good.toString(), bad.toString());
        assertEquals(1, run.exitCode());
        try (Backends backends = stack.backends()) {
            assertFalse(new Pm25Store(backends.cql()).locations().contains(station));
        }
    }

    @Test
    void theSingleSiteFormatNeedsLocationAndReadsGzipWhateverItsName(TestStack stack) throws IOException {
        String location = "Beijing US Embassy " + UUID.randomUUID();
        Path file = dir.resolve("single-site.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((SINGLE_HEADER + "\n"
                    + "1,2010,1,1,0,NA,-21,-11,1021,NW,1.79,0,0\n"
                    + "2,2010,1,1,1,,-21,-12,1020,NW,4.92,0,0\n"
                    + "3,2010,1,1,2,129,-16,-4,1020,SE,1.79,0,0\n"
                    + "4,2010,1,1,3,148,-15,-4,1020,SE,2.68,0,0\n").getBytes(StandardCharsets.UTF_8));
        }
        CliRun withoutLocation = load(stack, file.toString());
        assertEquals(2, withoutLocation.exitCode(), withoutLocation.err());
        assertTrue(withoutLocation.err().contains("--location NAME is required"), withoutLocation.err());

        CliRun run = load(stack, file.toString(), "--location", location);
        assertEquals(0, run.exitCode(), run.err());
        try (Backends backends = stack.backends()) {
            assertEquals(List.of(new DailyPm25(location, LocalDate.of(2010, 1, 1), 138.5, 129, 148, 2)),
                    new Pm25Store(backends.cql()).readYear(location, 2010));
        }
    }

    @Test
    void aLocationForAFormatThatNamesItsOwnIsAUsageError(TestStack stack) {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "load", "pm25", "--sample",
                "--location", "Elsewhere");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--location is not allowed"), run.err());
    }

    @Test
    void aFormatThatDoesNotFitTheHeaderIsNamed(TestStack stack) throws IOException {
        Path file = fileWithBadRows("test-" + UUID.randomUUID());
        CliRun run = load(stack, file.toString(), "--format", "daily");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(file + ": header does not fit --format daily"), run.err());
    }

    private static CliRun load(TestStack stack, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", stack.dataFolder().toString(), "load", "pm25"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /**
     * 400 good hourly rows (every third hour, so 50 days from 2023-01-01) and four bad ones at
     * known lines: 52 (a column short), 103 (PM2.5 "abc"), 204 (2023-02-30), 305 (hour 24).
     */
    private Path fileWithBadRows(String station) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MULTISITE_HEADER);
        LocalDate day = LocalDate.of(2023, 1, 1);
        int hour = 0;
        int no = 1;
        while (lines.size() < 405) {
            int line = lines.size() + 1;
            String row;
            if (line == 52) {
                row = no + ",2023,1,1,0,1,2,3,4,5,6,7,8,9,0,\"N\",1.5";
            } else if (line == 103) {
                row = no + ",2023,1,1,0,abc,2,3,4,5,6,7,8,9,0,\"N\",1.5,\"" + station + "\"";
            } else if (line == 204) {
                row = no + ",2023,2,30,0,1,2,3,4,5,6,7,8,9,0,\"N\",1.5,\"" + station + "\"";
            } else if (line == 305) {
                row = no + ",2023,1,1,24,1,2,3,4,5,6,7,8,9,0,\"N\",1.5,\"" + station + "\"";
            } else {
                row = no + "," + day.getYear() + "," + day.getMonthValue() + "," + day.getDayOfMonth() + "," + hour
                        + "," + (10 + line % 7) + ",NA,3,4,500,6,-1.5,1020,-9,0,\"NW\",2.5,\"" + station + "\"";
                hour = (hour + 3) % 24;
                if (hour == 0) {
                    day = day.plusDays(1);
                }
            }
            lines.add(row);
            no++;
        }
        return Files.write(dir.resolve("bad-rows-" + station + ".csv"), lines, StandardCharsets.UTF_8);
    }
}
