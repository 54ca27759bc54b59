package io.ringside.core.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void permitsAreSpacedEvenlyWithoutBursts() {
        AtomicLong clock = new AtomicLong(0);
        AtomicLong slept = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, clock::get, nanos -> {
            slept.addAndGet(nanos);
            clock.addAndGet(nanos);
        });
        for (int i = 0; i < 21; i++) {
            limiter.acquire();
        }
        assertEquals(TimeUnit.SECONDS.toNanos(2), slept.get(), "21 permits at 10/s take 2 s");
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() {
        AtomicLong clock = new AtomicLong(0);
        AtomicLong slept = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, clock::get, nanos -> {
            slept.addAndGet(nanos);
            clock.addAndGet(nanos);
        });
        limiter.acquire();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(60));
        limiter.acquire();
        limiter.acquire();
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), slept.get());
    }

    @Test
    void weightedPermitsBookTheirWholeTimeForTheNextCaller() throws InterruptedException {
        AtomicLong clock = new AtomicLong(0);
        AtomicLong slept = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1_000_000, clock::get, nanos -> {
            slept.addAndGet(nanos);
            clock.addAndGet(nanos);
        });
        limiter.acquire(500_000);
        assertEquals(0, slept.get(), "the first slice goes at once");
        limiter.acquire(3);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), slept.get(), "half a million bytes at 1 MB/s take 0.5 s");
    }

    @Test
    void aRateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
    }
}
