package io.ringside.bench;

import io.ringside.core.data.pm25.Pm25Cache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * {@code bench tunnel}: the same reads through a profile's SSH tunnel and directly, interleaved in
 * one run so both see the same machine: a cache hit of one location-year (one Redis GET and
 * decoding) and a 365-day trend assembled from the cache. The ratios are what the tunnel costs
 * per request: on loopback, the SSH encryption and the forward's extra hops. When OpenSSH is
 * installed the same reads also go through {@code ssh -L} to an OpenSSH server, interleaved with
 * the others: what the reference implementation of the protocol costs on the same machine.
 */
public final class TunnelBench {

    /** The target: the tunnel's p50 at most this many times the direct read's. */
    public static final double TARGET = 1.3;

    /**
     * @param openSshHit null when OpenSSH was not measured ({@code openSshSkipped} says why)
     */
    public record Result(int iterations, Pm25CacheBench.Figures directHit, Pm25CacheBench.Figures tunnelHit,
                         Pm25CacheBench.Figures directTrend, Pm25CacheBench.Figures tunnelTrend,
                         Pm25CacheBench.Figures openSshHit, Pm25CacheBench.Figures openSshTrend, String openSsh) {

        public double hitRatio() {
            return tunnelHit.p50Micros() / directHit.p50Micros();
        }

        public double trendRatio() {
            return tunnelTrend.p50Micros() / directTrend.p50Micros();
        }

        public List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%d reads each, interleaved", iterations));
            lines.add(line("cache hit, direct", directHit));
            lines.add(line("cache hit, Ringside", tunnelHit));
            if (openSshHit != null) {
                lines.add(line("cache hit, OpenSSH", openSshHit));
            }
            lines.add(line("365-day trend, direct", directTrend));
            lines.add(line("365-day trend, Ringside", tunnelTrend));
            if (openSshTrend != null) {
                lines.add(line("365-day trend, OpenSSH", openSshTrend));
            }
            lines.add(String.format("Ringside tunnel vs direct: cache hit %.2fx, trend %.2fx (target <= %.1fx) %s", hitRatio(),
                    trendRatio(), TARGET, hitRatio() <= TARGET && trendRatio() <= TARGET ? "OK" : "ABOVE TARGET"));
            if (openSshHit != null) {
                lines.add(String.format("OpenSSH tunnel vs direct: cache hit %.2fx, trend %.2fx (%s)",
                        openSshHit.p50Micros() / directHit.p50Micros(), openSshTrend.p50Micros() / directTrend.p50Micros(),
                        openSsh));
                lines.add(String.format("Ringside vs OpenSSH: cache hit %.2fx, trend %.2fx",
                        tunnelHit.p50Micros() / openSshHit.p50Micros(), tunnelTrend.p50Micros() / openSshTrend.p50Micros()));
            } else {
                lines.add("OpenSSH not measured: " + openSsh);
            }
            return lines;
        }

        private static String line(String what, Pm25CacheBench.Figures figures) {
            return String.format("%-24s p50 %8.1f us  p99 %8.1f us", what, figures.p50Micros(), figures.p99Micros());
        }
    }

    private TunnelBench() {
    }

    /**
     * @param openSsh the same reads through OpenSSH's forward, or null (then {@code openSshNote} says why)
     * @param openSshNote the OpenSSH version measured, or why it was not
     */
    public static Result run(Pm25Cache direct, Pm25Cache tunnel, Pm25Cache openSsh, String openSshNote, String location,
                             int year, int iterations) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusDays(364);
        List<Pm25Cache> caches = openSsh == null ? List.of(direct, tunnel) : List.of(direct, tunnel, openSsh);
        List<Supplier<?>> methods = new ArrayList<>();
        for (Pm25Cache cache : caches) {
            if (cache.trend(location, from, to, false).days().size() != 365) {
                throw new IllegalStateException("The synthetic year of " + location + " must have 365 days");
            }
            methods.add(() -> cache.year(location, year));
            methods.add(() -> cache.trend(location, from, to, false));
        }
        Histogram[] histograms = Pm25CacheBench.measure(Math.max(100, iterations / 5), iterations,
                methods.toArray(Supplier<?>[]::new));
        boolean withOpenSsh = openSsh != null;
        return new Result(iterations, Pm25CacheBench.figures(histograms[0]), Pm25CacheBench.figures(histograms[2]),
                Pm25CacheBench.figures(histograms[1]), Pm25CacheBench.figures(histograms[3]),
                withOpenSsh ? Pm25CacheBench.figures(histograms[4]) : null,
                withOpenSsh ? Pm25CacheBench.figures(histograms[5]) : null, openSshNote);
    }
}
