package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.connect.Backends;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestData;
import io.ringside.testing.TestStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** One real station of the UCI Beijing data, imported once for the whole class. */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Pm25BeijingImportTest {

    private static final String STATION = "Aotizhongxin";
    private static final LocalDate CHOSEN_DAY = LocalDate.of(2015, 1, 15);

    private Pm25ImportResult result;
    private Map<LocalDate, List<Double>> readingsPerDay;
    private final Map<String, Set<Integer>> heard = new ConcurrentHashMap<>();

    @BeforeAll
    void importOneStation(TestStack stack) throws Exception {
        Path file = TestData.beijingStation(STATION);
        readingsPerDay = pm25PerDay(file);
        try (Backends backends = stack.backends()) {
            result = new Pm25Importer(new Pm25Store(backends.cql()), (location, years) -> {
                heard.put(location, years);
                return java.util.Optional.empty();
            })
                    .run(List.of(Pm25Source.of(file)), Pm25ImportOptions.defaults(), p -> { });
        }
    }

    @Test
    void everyHourlyRowOfTheStationIsImported() {
        assertEquals(35_064, result.rowsRead());
        assertEquals(35_064, result.rowsImported());
        assertEquals(35_064, result.hourlyRows());
        assertEquals(0, result.rowsRejected());
        assertEquals(Map.of(STATION, Set.of(2013, 2014, 2015, 2016, 2017)), heard);
    }

    @Test
    void theDailyRowEqualsAnIndependentComputationAndACqlAggregate(TestStack stack) {
        List<Double> readings = readingsPerDay.get(CHOSEN_DAY);
        double expectedAvg = readings.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        try (Backends backends = stack.backends()) {
            DailyPm25 day = dayOf(new Pm25Store(backends.cql()), CHOSEN_DAY);
            assertEquals(expectedAvg, day.avg(), 1e-9);
            assertEquals(readings.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), day.min());
            assertEquals(readings.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), day.max());
            assertEquals(readings.size(), day.samples());

            Row aggregate = backends.cql().execute(SimpleStatement.newInstance(
                    "SELECT avg(pm25), min(pm25), max(pm25), count(pm25) FROM aqdata.pm25_hourly "
                            + "WHERE location = ? AND year = ? AND month = ? AND day = ?",
                    STATION, CHOSEN_DAY.getYear(), CHOSEN_DAY.getMonthValue(), CHOSEN_DAY.getDayOfMonth())
                    .setTimeout(Duration.ofSeconds(30))).one();
            assertNotNull(aggregate);
            assertEquals(aggregate.getDouble(0), day.avg(), 1e-9);
            assertEquals(aggregate.getDouble(1), day.min());
            assertEquals(aggregate.getDouble(2), day.max());
            assertEquals(aggregate.getLong(3), (long) day.samples());
        }
    }

    @Test
    void missingReadingsAreSkippedNotCountedAsZero(TestStack stack) {
        LocalDate withGaps = readingsPerDay.entrySet().stream()
                .filter(e -> e.getValue().size() > 0 && e.getValue().size() < 24)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<Double> readings = readingsPerDay.get(withGaps);
        try (Backends backends = stack.backends()) {
            DailyPm25 day = dayOf(new Pm25Store(backends.cql()), withGaps);
            assertTrue(day.samples() < 24, "samples " + day.samples());
            assertEquals(readings.size(), day.samples());
            assertEquals(readings.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), day.avg(), 1e-9);
            assertEquals(readings.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), day.min());
        }
    }

    @Test
    void aDayWithoutAnyReadingHasNoDailyRow(TestStack stack) {
        long daysWithReadings = readingsPerDay.values().stream().filter(r -> !r.isEmpty()).count();
        assertEquals(daysWithReadings, result.daysWritten());
        readingsPerDay.entrySet().stream().filter(e -> e.getValue().isEmpty()).findFirst().ifPresent(empty -> {
            try (Backends backends = stack.backends()) {
                assertEquals(List.of(), new Pm25Store(backends.cql()).readRange(STATION, empty.getKey(), empty.getKey()));
            }
        });
    }

    private static DailyPm25 dayOf(Pm25Store store, LocalDate date) {
        List<DailyPm25> days = store.readYear(STATION, date.getYear());
        return days.stream().filter(d -> d.date().equals(date)).findFirst()
                .orElseThrow(() -> new AssertionError("no daily row for " + date));
    }

    /** PM2.5 readings per day, parsed with plain string code: the CSV has no quoted commas. */
    private static Map<LocalDate, List<Double>> pm25PerDay(Path file) throws Exception {
        Map<LocalDate, List<Double>> days = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            List<String> header = List.of(reader.readLine().replace("\"", "").split(","));
            int year = header.indexOf("year");
            int pm25 = header.indexOf("PM2.5");
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.replace("\"", "").split(",");
                LocalDate date = LocalDate.of(Integer.parseInt(f[year]), Integer.parseInt(f[year + 1]),
                        Integer.parseInt(f[year + 2]));
                List<Double> readings = days.computeIfAbsent(date, d -> new ArrayList<>());
                if (!f[pm25].equals("NA")) {
                    readings.add(Double.parseDouble(f[pm25]));
                }
            }
        }
        return days;
    }
}
