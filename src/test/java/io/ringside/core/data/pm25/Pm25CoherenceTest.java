package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CoherenceState;
import io.ringside.core.data.cache.CoherenceVerdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PM2.5 rule on its own: cached bytes as the cache-aside stores them against a source in memory. */
class Pm25CoherenceTest {

    private static final String LOCATION = "Hyderabad US Consulate, India (हैदराबाद)";
    private static final LocalDate DAY = LocalDate.of(2025, 1, 10);

    private final List<DailyPm25> source = new ArrayList<>();
    private final Pm25Coherence rule = new Pm25Coherence((location, year) ->
            location.equals(LOCATION) && year == 2025 ? List.copyOf(source) : List.of());

    /** The cache-aside's envelope: 1 then the codec's bytes; 0 alone for a negative entry. */
    private static byte[] stored(List<DailyPm25> days) {
        if (days == null) {
            return new byte[] {0};
        }
        byte[] encoded = new Pm25SeriesCodec(LOCATION).encode(days);
        byte[] stored = new byte[encoded.length + 1];
        stored[0] = 1;
        System.arraycopy(encoded, 0, stored, 1, encoded.length);
        return stored;
    }

    private static DailyPm25 day(int offset, double avg, Integer samples) {
        return new DailyPm25(LOCATION, DAY.plusDays(offset), avg, 1, 90, samples);
    }

    private CoherenceVerdict check(List<DailyPm25> cached) {
        return rule.check(Pm25Cache.key(LOCATION, 2025), stored(cached)).orElseThrow();
    }

    @Test
    void differingDaysMakeAYearStaleAndAreNamed() {
        List<DailyPm25> cached = List.of(day(0, 10, 24), day(1, 11, null), day(2, 12, 24));
        source.addAll(cached);
        assertEquals(CoherenceState.FRESH, check(cached).state());

        source.set(1, day(1, 11, 23));
        source.remove(2);
        source.add(day(5, 40, 24));
        CoherenceVerdict stale = check(cached);
        assertEquals(CoherenceState.STALE, stale.state());
        assertEquals(List.of("2025-01-11", "2025-01-12", "2025-01-15"), stale.differences());
        assertEquals("3 days differ: 2025-01-11, 2025-01-12, 2025-01-15", stale.detail());
    }

    @Test
    void negativeEntriesOrphansAndForeignKeys() {
        assertEquals(CoherenceState.FRESH, check(null).state(), "absent then, absent now");
        assertEquals(CoherenceState.ORPHANED, check(List.of(day(0, 10, 24))).state());
        source.add(day(0, 10, 24));
        assertEquals(CoherenceState.STALE, check(null).state(), "cached as absent, rows now");
        assertEquals(CoherenceState.STALE, rule.check(Pm25Cache.key(LOCATION, 2025), new byte[] {1, 9}).orElseThrow()
                .state(), "bytes the codec cannot read");
        assertEquals(Optional.empty(), rule.check("pm25:no-year", stored(null)));
        assertEquals(Optional.empty(), rule.check("pm25:x:2025:extra", stored(null)));
        assertTrue(rule.pattern().startsWith("pm25:"));
    }
}
