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
import java.util.Map;
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

    /**
     * Issue 16 item 7 end to end: rows the store must not take (a date out of range, negative
     * PM2.5, a NUL past the binary sniff, a 70,000-byte station, Latin-1 bytes) are each one
     * rejected row with its line; the valid rows are imported.
     */
    @Test
    void rowsOutsideTheStoresBoundsAreRejectedOneByOneWithTheirLines(TestStack stack) throws IOException {
        String station = "test-" + UUID.randomUUID();
        List<String> lines = new ArrayList<>(List.of(MULTISITE_HEADER));
        for (int hour = 0; hour < 24 * 10; hour++) { // ~20 KB of good rows before the bad ones
            lines.add(hourly(lines.size(), 2023, 1, 1 + hour / 24, hour % 24, "12", station));
        }
        lines.add(hourly(lines.size(), 99999, 1, 1, 0, "12", station));
        lines.add(hourly(lines.size(), 2023, 1, 11, 0, "-3", station));
        lines.add(hourly(lines.size(), 2023, 1, 11, 1, "12", station + "\u0000x"));
        lines.add(hourly(lines.size(), 2023, 1, 11, 2, "12", "S".repeat(70_000)));
        lines.add(hourly(lines.size(), 2023, 1, 11, 3, "12", station + "\u00e9"));
        Path file = dir.resolve("bounds.csv");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String line : lines.subList(0, lines.size() - 1)) {
            bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes((lines.get(lines.size() - 1) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, bytes.toByteArray());

        CliRun run = load(stack, file.toString(), "--max-rejected", "5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(file + ":242: date +99999-01-01 is outside 1900-01-01 to 2199-12-31"), run.err());
        assertTrue(run.err().contains(file + ":243: column PM2.5: negative concentration -3.0"), run.err());
        assertTrue(run.err().contains(file + ":244: column station: control character U+0000"), run.err());
        assertTrue(run.err().contains(file + ":245: column station: location is 70,000 bytes long"), run.err());
        assertTrue(run.err().contains(file + ":246: column station: bytes that are not UTF-8 text"), run.err());
        assertTrue(run.out().contains("rows imported  240"), run.out());
        assertTrue(run.out().contains("rows rejected  5"), run.out());
        try (Backends backends = stack.backends()) {
            Pm25Store store = new Pm25Store(backends.cql());
            assertEquals(10, store.readYear(station, 2023).size());
            assertTrue(store.locations().stream().noneMatch(l -> l.startsWith(station) && !l.equals(station)),
                    "no location made of a rejected row");
        }
    }

    /**
     * Issue 16 item 7: a gzip cut mid-stream stops the import with an error that says what was
     * kept, and the daily rows written agree with the hourly rows kept (none missing, none from
     * readings that were never stored).
     */
    @Test
    void aGzipCutMidStreamKeepsDailyRowsThatAgreeWithTheHourlyRowsAndSaysWhatWasKept(TestStack stack)
            throws IOException {
        String station = "test-" + UUID.randomUUID();
        java.util.Random random = new java.util.Random(16);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write((MULTISITE_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            for (int hour = 0; hour < 24 * 120; hour++) {
                LocalDate day = LocalDate.of(2023, 1, 1).plusDays(hour / 24);
                out.write((hourly(hour + 2, day.getYear(), day.getMonthValue(), day.getDayOfMonth(), hour % 24,
                        Integer.toString(random.nextInt(400)), station) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = gz.toByteArray();
        Path file = Files.write(dir.resolve("cut.csv.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));

        CliRun run = load(stack, file.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(file + ":") && run.err().contains("the file ends early"), run.err());
        assertTrue(run.err().contains("Kept what was read before line"), run.err());
        assertTrue(run.err().contains("the daily rows are computed from the hourly rows kept"), run.err());
        try (Backends backends = stack.backends()) {
            Map<LocalDate, List<Double>> hourly = new java.util.TreeMap<>();
            for (int month = 1; month <= 5; month++) {
                for (var row : backends.cql().execute("SELECT day, pm25 FROM aqdata.pm25_hourly WHERE location = ? "
                        + "AND year = 2023 AND month = ?", station, month)) {
                    hourly.computeIfAbsent(LocalDate.of(2023, month, row.getInt("day")), d -> new ArrayList<>())
                            .add(row.getDouble("pm25"));
                }
            }
            assertFalse(hourly.isEmpty(), "rows before the cut are kept");
            assertTrue(hourly.size() < 120, "the cut file did not import whole: " + hourly.size() + " days");
            List<DailyPm25> daily = new Pm25Store(backends.cql()).readYear(station, 2023);
            assertEquals(hourly.keySet(), daily.stream().map(DailyPm25::date).collect(java.util.stream.Collectors.toSet()),
                    "a daily row for every day with hourly rows, and no other");
            for (DailyPm25 day : daily) {
                List<Double> readings = hourly.get(day.date());
                assertEquals(readings.size(), day.samples(), "samples of " + day.date());
                assertEquals(readings.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), day.avg(), 1e-9,
                        "avg of " + day.date());
            }
        }
    }

    private static String hourly(int no, int year, int month, int day, int hour, String pm25, String station) {
        return no + "," + year + "," + month + "," + day + "," + hour + "," + pm25
                + ",NA,3,4,500,6,-1.5,1020,-9,0,\"NW\",2.5,\"" + station + "\"";
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
