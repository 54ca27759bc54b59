package io.ringside.core.connect;

import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.time.TimestampGenerator;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client-side write timestamps of Ringside's sessions: microseconds since the epoch from
 * {@link Instant#now()} (microsecond precision on the JDKs Ringside runs on), never smaller than
 * the last one given plus one, as the driver's default generator does. The driver's default reads
 * the microseconds through a native binding (JNR) that it loads and generates classes for on the
 * session's start, on the path before the first connection: measured at 1.9 s of a session's
 * start on two busy cores. Its fallback, {@code force-java-clock}, would give milliseconds only.
 */
public final class MicrosTimestampGenerator implements TimestampGenerator {

    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    /** The constructor the driver calls, by the class name in {@code advanced.timestamp-generator.class}. */
    public MicrosTimestampGenerator(DriverContext context) {
    }

    @Override
    public long next() {
        while (true) {
            long previous = last.get();
            Instant now = Instant.now();
            long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
            long next = previous == Long.MIN_VALUE ? micros : Math.max(micros, previous + 1);
            if (last.compareAndSet(previous, next)) {
                return next;
            }
        }
    }

    @Override
    public void close() {
    }
}
