package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 7, the parser alone: input the store must not take is a rejected row with its
 * line and reason, never stored as something else. (The import path end to end, with a cut gzip,
 * is in {@code Pm25ImportErrorsTest}.)
 */
class Pm25InputLimitsTest {

    private static final String DAILY_HEADER = "date,location,avg_pm25,min_pm25,max_pm25";

    @TempDir
    Path dir;

    @Test
    void datesOutsideTheStoresRangeAreRejectedNotStoredAsOtherDates() throws IOException {
        Map<Long, String> rejects = parse(daily("+99999-01-01,Delhi,10,5,15", "1899-12-31,Delhi,10,5,15",
                "2200-01-01,Delhi,10,5,15", "2199-12-31,Delhi,10,5,15"), StandardCharsets.UTF_8);
        assertEquals("date +99999-01-01 is outside 1900-01-01 to 2199-12-31", rejects.get(2L));
        assertEquals("date 1899-12-31 is outside 1900-01-01 to 2199-12-31", rejects.get(3L));
        assertEquals("date 2200-01-01 is outside 1900-01-01 to 2199-12-31", rejects.get(4L));
        assertEquals(3, rejects.size(), rejects.toString());
    }

    @Test
    void latin1TextIsRejectedAsUtf8AndReadWithItsEncoding() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (DAILY_HEADER + "\n2024-01-01,Bogotá,10,5,15\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Map.of(2L, "column location: bytes that are not UTF-8 text (a Latin-1 file? import it with "
                + "--encoding ISO-8859-1)"), parse(file, StandardCharsets.UTF_8));
        List<Object> rows = new ArrayList<>();
        assertEquals(Map.of(), parse(file, StandardCharsets.ISO_8859_1, rows));
        assertEquals("Bogotá", ((DailyPm25) rows.get(0)).location());
    }

    @Test
    void negativePm25IsRejected() throws IOException {
        Map<Long, String> rejects = parse(daily("2024-01-01,Delhi,-3,5,15", "2024-01-02,Delhi,3,-5,15"),
                StandardCharsets.UTF_8);
        assertEquals("column avg_pm25: negative concentration -3.0", rejects.get(2L));
        assertEquals("column min_pm25: negative concentration -5.0", rejects.get(3L));
    }

    @Test
    void aNulBytePastTheBinarySniffIsARejectedRowNotPartOfALocation() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) { // ~10 KB before the NUL
            rows.add(LocalDate.of(2020, 1, 1).plusDays(i) + ",Delhi,10,5,15");
        }
        rows.add("2024-01-01,Del\u0000hi,10,5,15");
        Map<Long, String> rejects = parse(daily(rows.toArray(String[]::new)), StandardCharsets.UTF_8);
        assertEquals(Map.of(402L, "column location: control character U+0000 at position 4"), rejects);
    }

    @Test
    void anOverLongLocationIsOneRejectedRowAndAnOverLongOptionAUsageError() throws IOException {
        String longName = "L".repeat(70_000);
        Map<Long, String> rejects = parse(daily("2024-01-01," + longName + ",10,5,15", "2024-01-02,Delhi,10,5,15"),
                StandardCharsets.UTF_8);
        assertEquals(Map.of(2L, "column location: location is 70,000 bytes long (UTF-8); at most 256 are allowed"),
                rejects);
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> Pm25ImportOptions.defaults().withLocation(longName));
        assertTrue(option.getMessage().startsWith("--location: location is 70,000 bytes long"), option.getMessage());
    }

    @Test
    void trendRangesAreBounded() {
        IllegalArgumentException absurd = assertThrows(IllegalArgumentException.class,
                () -> Pm25Limits.checkTrendRange(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)));
        assertEquals("date 0001-01-01 is outside 1900-01-01 to 2199-12-31 (the days PM2.5 series can hold)",
                absurd.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> Pm25Limits.checkTrendRange(LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31)));
        assertEquals("--from 1900-01-01 --to 2199-12-31 covers 300 calendar years; at most 100 are read at once",
                wide.getMessage());
        Pm25Limits.checkTrendRange(LocalDate.of(1925, 1, 1), LocalDate.of(2024, 12, 31));
    }

    private Path daily(String... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((DAILY_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (String row : rows) {
            bytes.writeBytes((row + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.createTempFile(dir, "daily", ".csv");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static Map<Long, String> parse(Path file, Charset charset) {
        return parse(file, charset, new ArrayList<>());
    }

    /** Rejected rows by line, the accepted ones into {@code rows}. */
    private static Map<Long, String> parse(Path file, Charset charset, List<Object> rows) {
        Map<Long, String> rejects = new LinkedHashMap<>();
        try (CsvInput input = CsvInput.open(Pm25Source.of(file), charset)) {
            RowParser<?> parser = RowParser.of(Pm25Format.DAILY, input.header(), null, charset);
            CSVRecord record;
            while ((record = input.next()) != null) {
                try {
                    rows.add(parser.parse(record));
                } catch (RowRejectedException e) {
                    rejects.put(input.line(), e.getMessage());
                }
            }
        }
        return rejects;
    }
}
