package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HitMissRatesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static InfoSnapshot info(Instant at, long hits, long misses, long evicted, long expired) {
        return InfoSnapshot.parse(at, "# Stats\r\nkeyspace_hits:" + hits + "\r\nkeyspace_misses:" + misses
                + "\r\nevicted_keys:" + evicted + "\r\nexpired_keys:" + expired + "\r\n");
    }

    @Test
    void ratesAreDeltasPerSecondBetweenTwoSamples() {
        HitMissRates rates = HitMissRates.between(info(T0, 1_000, 200, 5, 40),
                info(T0.plusMillis(2_500), 3_000, 700, 10, 140));
        assertEquals(800.0, rates.hitsPerSecond(), 1e-9);
        assertEquals(200.0, rates.missesPerSecond(), 1e-9);
        assertEquals(0.8, rates.hitRatio(), 1e-9);
        assertEquals(2.0, rates.evictedPerSecond(), 1e-9);
        assertEquals(40.0, rates.expiredPerSecond(), 1e-9);
        assertEquals(Duration.ofMillis(2_500), rates.interval());
        assertFalse(rates.reset());
    }

    @Test
    void noLookupsGiveNoRatioAndARestartGivesNoNegativeRates() {
        assertTrue(Double.isNaN(HitMissRates.between(info(T0, 5, 5, 0, 0), info(T0.plusSeconds(1), 5, 5, 0, 0)).hitRatio()));
        HitMissRates restarted = HitMissRates.between(info(T0, 5_000, 100, 0, 0), info(T0.plusSeconds(1), 10, 1, 0, 0));
        assertTrue(restarted.reset());
        assertEquals(0.0, restarted.hitsPerSecond());
        assertThrows(IllegalArgumentException.class, () -> HitMissRates.between(info(T0, 0, 0, 0, 0), info(T0, 1, 0, 0, 0)));
    }
}
