package io.ringside.bench;

import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.cache.CacheRead;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25YearSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code bench cache}: one location-year read straight from Cassandra, through the cache on a
 * hit, and as a bare GET of the cached bytes. The first ratio is what the cache buys; the second
 * is what our encoding and bookkeeping cost on top of Redis itself.
 */
public final class Pm25CacheBench {

    /** Latency percentiles of one way of reading, in microseconds. */
    public record Figures(double p50Micros, double p99Micros) {
    }

    public record Result(int rows, int cachedBytes, int iterations, Figures direct, Figures hit, Figures rawGet) {

        public double speedUp() {
            return direct.p50Micros() / hit.p50Micros();
        }

        public double overheadOverRawGet() {
            return hit.p50Micros() / rawGet.p50Micros();
        }

        public List<String> report() {
            return List.of(
                    String.format("series: %d days, %d bytes cached, %d reads each", rows, cachedBytes, iterations),
                    String.format("cassandra direct   p50 %8.1f us  p99 %8.1f us", direct.p50Micros(), direct.p99Micros()),
                    String.format("cache hit          p50 %8.1f us  p99 %8.1f us", hit.p50Micros(), hit.p99Micros()),
                    String.format("raw jedis GET      p50 %8.1f us  p99 %8.1f us", rawGet.p50Micros(), rawGet.p99Micros()),
                    String.format("hit vs direct: %.1fx faster (target >= 20x) %s", speedUp(), speedUp() >= 20 ? "OK" : "BELOW TARGET"),
                    String.format("hit vs raw GET: %.2fx (target <= 1.5x) %s", overheadOverRawGet(),
                            overheadOverRawGet() <= 1.5 ? "OK" : "ABOVE TARGET"));
        }
    }

    private Pm25CacheBench() {
    }

    public static Result run(Pm25YearSource direct, Pm25Cache cache, UnifiedJedis redis, String location, int year,
                             int iterations) {
        List<DailyPm25> reference = direct.readYear(location, year);
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("No PM2.5 rows for " + location + " in " + year);
        }
        cache.invalidate(location, List.of(year));
        CacheRead<List<DailyPm25>> first = cache.year(location, year);
        if (first.outcome() != CacheOutcome.MISS || !first.value().orElseThrow().equals(reference)) {
            throw new IllegalStateException("The first cached read must be a miss returning the Cassandra rows");
        }
        byte[] key = Pm25Cache.key(location, year).getBytes(StandardCharsets.UTF_8);
        int cachedBytes = redis.get(key).length;
        Supplier<?> viaDirect = () -> direct.readYear(location, year);
        Supplier<?> viaHit = () -> {
            CacheRead<List<DailyPm25>> read = cache.year(location, year);
            if (read.outcome() != CacheOutcome.HIT) {
                throw new IllegalStateException("expected a hit, got " + read.outcome());
            }
            return read.value().orElseThrow();
        };
        Supplier<?> viaRawGet = () -> redis.get(key);
        int warmup = Math.max(200, iterations / 5);
        // Cassandra alone: its server threads stay busy after each answer and would slow whatever
        // Redis call came next on a small machine
        Histogram[] directOnly = measure(warmup, iterations, viaDirect);
        // the two Redis paths interleaved in rotating order, so load drift hits both alike:
        // their ratio is the cache's own overhead
        Histogram[] redisPaths = measure(warmup, iterations, viaHit, viaRawGet);
        Figures directFigures = figures(directOnly[0]);
        Figures hitFigures = figures(redisPaths[0]);
        Figures rawFigures = figures(redisPaths[1]);
        List<DailyPm25> viaCache = cache.year(location, year).value().orElseThrow();
        if (!viaCache.equals(reference)) {
            throw new IllegalStateException("The cache returned a different series than Cassandra");
        }
        return new Result(reference.size(), cachedBytes, iterations, directFigures, hitFigures, rawFigures);
    }

    static Histogram[] measure(int warmup, int iterations, Supplier<?>... methods) {
        Histogram[] histograms = new Histogram[methods.length];
        for (int m = 0; m < methods.length; m++) {
            histograms[m] = new Histogram(3);
        }
        for (int i = 0; i < warmup + iterations; i++) {
            for (int k = 0; k < methods.length; k++) {
                int m = (i + k) % methods.length;
                long started = System.nanoTime();
                methods[m].get();
                if (i >= warmup) {
                    histograms[m].recordValue(System.nanoTime() - started);
                }
            }
        }
        return histograms;
    }

    static Figures figures(Histogram histogram) {
        return new Figures(histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0);
    }
}
