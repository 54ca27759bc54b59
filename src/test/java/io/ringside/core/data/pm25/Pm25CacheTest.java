package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CacheMetrics;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.cache.FreshPending;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStack.class)
class Pm25CacheTest {

    private static final String HYDERABAD = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";

    @Test
    void theBinaryEncodingRoundTripsEveryField() {
        List<DailyPm25> days = List.of(
                new DailyPm25(HYDERABAD, LocalDate.of(2025, 3, 2), 138, 138, 138, null),
                new DailyPm25(HYDERABAD, LocalDate.of(2025, 3, 3), 87.25, 68.5, 89.125, 23));
        Pm25SeriesCodec codec = new Pm25SeriesCodec(HYDERABAD);
        byte[] bytes = codec.encode(days);
        byte[] padded = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        assertEquals(days, codec.decode(padded, 3, bytes.length));
        assertThrows(IllegalArgumentException.class, () -> codec.decode(bytes, 0, bytes.length - 1));
    }

    @Test
    void keysUrlEncodeTheLocationSoColonsAndScriptsSurvive() {
        assertEquals("pm25:a%3Ab+c:2025", Pm25Cache.key("a:b c", 2025));
        assertTrue(Pm25Cache.key(HYDERABAD, 2025).startsWith("pm25:Hyderabad+US+Consulate%2C+India+%28%E0%A4%B9"));
    }

    @Test
    void aTrendAcrossYearsIsAssembledFromCachedYearsAndInvalidatedByImports(TestStack stack) {
        String location = HYDERABAD + " " + UUID.randomUUID();
        AtomicInteger reads = new AtomicInteger();
        Pm25YearSource source = (loc, year) -> {
            reads.incrementAndGet();
            List<DailyPm25> days = new ArrayList<>();
            for (LocalDate d = LocalDate.of(year, 12, 25); d.getYear() == year; d = d.plusDays(1)) {
                days.add(new DailyPm25(loc, d, year - 2000, 1, 2, 24));
            }
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getDayOfMonth() <= 5 && d.getMonthValue() == 1; d = d.plusDays(1)) {
                days.add(new DailyPm25(loc, d, year - 2000, 1, 2, 24));
            }
            return days;
        };
        try (Backends backends = stack.backends()) {
            Pm25Cache pm25 = new Pm25Cache(new CacheAside(backends.redis(), new CacheMetrics(), FreshPending.folder()), source);
            Pm25Trend first = pm25.trend(location, LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), false);
            assertEquals(CacheOutcome.MISS, first.outcome());
            assertEquals(List.of(LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 1, 2)), first.days().stream().map(DailyPm25::date).toList());
            assertEquals(2, reads.get());
            assertEquals(location, first.days().get(0).location());

            Pm25Trend second = pm25.trend(location, LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), false);
            assertEquals(CacheOutcome.HIT, second.outcome());
            assertEquals(first.days(), second.days());
            assertEquals(2, reads.get());

            pm25.invalidate(location, List.of(2025));
            Pm25Trend third = pm25.trend(location, LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), false);
            assertEquals(CacheOutcome.MISS, third.outcome());
            assertEquals(3, reads.get());

            Pm25Trend bypassed = pm25.trend(location, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), true);
            assertEquals(CacheOutcome.BYPASS, bypassed.outcome());
            assertEquals(4, reads.get());
        }
    }
}
