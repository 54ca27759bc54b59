package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MicrosTimestampGeneratorTest {

    @Test
    void givesMicrosecondsOfNowThatAlwaysGrow() {
        MicrosTimestampGenerator generator = new MicrosTimestampGenerator(null);
        long before = System.currentTimeMillis() * 1_000L;
        long previous = generator.next();
        assertTrue(previous >= before && previous < before + 5_000_000L, "microseconds since the epoch: " + previous);
        for (int i = 0; i < 100_000; i++) {
            long next = generator.next();
            assertTrue(next > previous, next + " after " + previous);
            previous = next;
        }
        assertTrue(previous <= System.currentTimeMillis() * 1_000L + 1_000_000L, "not far ahead of the clock");
    }
}
