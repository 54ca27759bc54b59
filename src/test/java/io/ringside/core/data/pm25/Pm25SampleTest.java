package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStack.class)
class Pm25SampleTest {

    private static final String HYDERABAD =
            "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";

    @Test
    void theSampleRoundTripsWithTheHindiNameIntactAndNoSampleCount(TestStack stack) throws Exception {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "load", "pm25", "--sample");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch("the built-in sample, 9 rows imported"::equals),
                "the sample is named, not counted as a file: " + run.out());
        assertTrue(run.out().contains("rows imported  9"), run.out());
        assertTrue(run.out().contains("days written   9"), run.out());

        try (Backends backends = stack.backends()) {
            List<DailyPm25> read = new Pm25Store(backends.cql()).readYear(HYDERABAD, 2025);
            assertEquals(sampleFileRows(), read);
            read.forEach(day -> assertNull(day.samples(), "daily-format rows carry no sample count"));
        }
        CliRun locations = CliRun.of("--data", stack.dataFolder().toString(), "pm25", "locations");
        assertEquals(0, locations.exitCode(), locations.err());
        assertTrue(locations.out().lines().anyMatch(HYDERABAD::equals), locations.out());
    }

    @Test
    void theListenerHearsTheTouchedYearsOnlyOnceTheRowsAreReadable(TestStack stack) {
        Map<String, Set<Integer>> heard = new ConcurrentHashMap<>();
        Map<String, Integer> rowsSeenByListener = new ConcurrentHashMap<>();
        try (Backends backends = stack.backends()) {
            Pm25Store store = new Pm25Store(backends.cql());
            Pm25Importer importer = new Pm25Importer(store, (location, years) -> {
                heard.put(location, years);
                rowsSeenByListener.put(location, store.readYear(location, 2025).size());
                return java.util.Optional.empty();
            });
            Pm25ImportResult result = importer.run(List.of(Pm25Samples.daily()), Pm25ImportOptions.defaults(), p -> { });
            assertEquals(Map.of(HYDERABAD, Set.of(2025)), heard);
            assertEquals(9, rowsSeenByListener.get(HYDERABAD));
            assertEquals(Map.of(HYDERABAD, Set.of(2025)), result.yearsWritten());
        }
    }

    @Test
    void aRangeReadIsInclusiveAtBothEnds(TestStack stack) {
        try (Backends backends = stack.backends()) {
            Pm25Store store = new Pm25Store(backends.cql());
            String location = "range-" + UUID.randomUUID();
            store.writeDays(List.of(
                    new DailyPm25(location, LocalDate.of(2025, 3, 1), 1, 1, 1, null),
                    new DailyPm25(location, LocalDate.of(2025, 3, 2), 2, 2, 2, 24),
                    new DailyPm25(location, LocalDate.of(2025, 3, 3), 3, 3, 3, null),
                    new DailyPm25(location, LocalDate.of(2025, 3, 4), 4, 4, 4, null)));
            List<DailyPm25> range = store.readRange(location, LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 3));
            assertEquals(List.of(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 3)),
                    range.stream().map(DailyPm25::date).toList());
        }
    }

    /** The resource parsed with plain string code, independent of the importer's CSV library. */
    private static List<DailyPm25> sampleFileRows() throws Exception {
        List<DailyPm25> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Pm25SampleTest.class.getResourceAsStream(Pm25Samples.DAILY_RESOURCE), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.substring(1, line.length() - 1).split("\",\"");
                rows.add(new DailyPm25(f[2], LocalDate.parse(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[3]), null));
            }
        }
        rows.sort(Comparator.comparing(DailyPm25::date));
        return rows;
    }
}
