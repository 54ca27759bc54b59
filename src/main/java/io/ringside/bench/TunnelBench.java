package io.ringside.bench;

import io.ringside.core.data.pm25.Pm25Cache;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * {@code bench tunnel}: the same reads through a profile's SSH tunnel and directly, interleaved in
 * one run so both see the same machine: a cache hit of one location-year (one Redis GET and
 * decoding) and a 365-day trend assembled from the cache. The ratios are what the tunnel costs
 * per request: on loopback, the SSH encryption and the forward's extra hops.
 */
public final class TunnelBench {

    public record Result(int iterations, Pm25CacheBench.Figures directHit, Pm25CacheBench.Figures tunnelHit,
                         Pm25CacheBench.Figures directTrend, Pm25CacheBench.Figures tunnelTrend) {

        public double hitRatio() {
            return tunnelHit.p50Micros() / directHit.p50Micros();
        }

        public double trendRatio() {
            return tunnelTrend.p50Micros() / directTrend.p50Micros();
        }

        public List<String> report() {
            return List.of(
                    String.format("%d reads each, interleaved", iterations),
                    String.format("cache hit, direct      p50 %8.1f us  p99 %8.1f us", directHit.p50Micros(), directHit.p99Micros()),
                    String.format("cache hit, tunnel      p50 %8.1f us  p99 %8.1f us", tunnelHit.p50Micros(), tunnelHit.p99Micros()),
                    String.format("365-day trend, direct  p50 %8.1f us  p99 %8.1f us", directTrend.p50Micros(),
                            directTrend.p99Micros()),
                    String.format("365-day trend, tunnel  p50 %8.1f us  p99 %8.1f us", tunnelTrend.p50Micros(),
                            tunnelTrend.p99Micros()),
                    String.format("tunnel vs direct: cache hit %.2fx, trend %.2fx (target <= 1.3x) %s", hitRatio(),
                            trendRatio(), hitRatio() <= 1.3 && trendRatio() <= 1.3 ? "OK" : "ABOVE TARGET"));
        }
    }

    private TunnelBench() {
    }

    public static Result run(Pm25Cache direct, Pm25Cache tunnel, String location, int year, int iterations) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusDays(364);
        for (Pm25Cache cache : List.of(direct, tunnel)) {
            if (cache.trend(location, from, to, false).days().size() != 365) {
                throw new IllegalStateException("The synthetic year of " + location + " must have 365 days");
            }
        }
        Supplier<?> directHit = () -> direct.year(location, year);
        Supplier<?> tunnelHit = () -> tunnel.year(location, year);
        Supplier<?> directTrend = () -> direct.trend(location, from, to, false);
        Supplier<?> tunnelTrend = () -> tunnel.trend(location, from, to, false);
        Histogram[] histograms = Pm25CacheBench.measure(Math.max(100, iterations / 5), iterations,
                directHit, tunnelHit, directTrend, tunnelTrend);
        return new Result(iterations, Pm25CacheBench.figures(histograms[0]), Pm25CacheBench.figures(histograms[1]),
                Pm25CacheBench.figures(histograms[2]), Pm25CacheBench.figures(histograms[3]));
    }
}
