package io.ringside.core.data.pm25;

import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.cache.CachePolicy;
import io.ringside.core.data.cache.CacheRead;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PM2.5 daily series through the cache-aside: one key per location-year
 * ({@code pm25:<url-encoded location>:<year>}), the unit an import invalidates and a trend
 * assembles. Locations are URL-encoded in keys because they hold spaces, commas and ':'
 * (and non-ASCII names, which stay intact as UTF-8 percent escapes).
 */
public final class Pm25Cache {

    public static final String NAMESPACE = "pm25";
    /** Historical days change only through imports, which delete their keys. */
    public static final CachePolicy POLICY = CachePolicy.of(Duration.ofHours(6));

    private final CacheAside cache;
    private final Pm25YearSource source;
    private final CachePolicy policy;

    public Pm25Cache(CacheAside cache, Pm25YearSource source) {
        this(cache, source, POLICY);
    }

    public Pm25Cache(CacheAside cache, Pm25YearSource source, CachePolicy policy) {
        this.cache = cache;
        this.source = source;
        this.policy = policy;
    }

    /** What a key of this namespace names. */
    public record Key(String location, int year) {
    }

    public static String key(String location, int year) {
        return NAMESPACE + ":" + URLEncoder.encode(location, StandardCharsets.UTF_8) + ":" + year;
    }

    /**
     * The location and year {@code key} names, the inverse of {@link #key(String, int)}; empty for
     * anything else (another namespace, a bad percent escape, a year that is not a number).
     */
    public static Optional<Key> parseKey(String key) {
        String prefix = NAMESPACE + ":";
        int lastColon = key.lastIndexOf(':');
        if (!key.startsWith(prefix) || lastColon < prefix.length()) {
            return Optional.empty();
        }
        Optional<String> location = decodeLocation(key.substring(prefix.length(), lastColon));
        String year = key.substring(lastColon + 1);
        if (location.isEmpty() || year.isEmpty() || year.length() > 9 || !year.chars().allMatch(c -> c >= '0' && c <= '9')
                || year.length() > 1 && year.charAt(0) == '0') {
            return Optional.empty();
        }
        return Optional.of(new Key(location.get(), Integer.parseInt(year)));
    }

    /**
     * A location as {@link #key} writes it, decoded; empty for text that {@link #key} would not have
     * written (a bad percent escape, a space left as is), so only Ringside's own keys are read as such.
     */
    public static Optional<String> decodeLocation(String encoded) {
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        try {
            String location = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            return URLEncoder.encode(location, StandardCharsets.UTF_8).equals(encoded) ? Optional.of(location)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public CacheRead<List<DailyPm25>> year(String location, int year) {
        return cache.get(NAMESPACE, key(location, year), new Pm25SeriesCodec(location), policy,
                () -> nonEmpty(source.readYear(location, year)));
    }

    /** Days from {@code from} to {@code to} inclusive, assembled from cached years. */
    public Pm25Trend trend(String location, LocalDate from, LocalDate to, boolean bypass) {
        Pm25Limits.checkTrendRange(from, to);
        Pm25Limits.locationProblem(location).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        long started = System.nanoTime();
        List<DailyPm25> days = new ArrayList<>();
        CacheOutcome overall = bypass ? CacheOutcome.BYPASS : CacheOutcome.HIT;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            int y = year;
            CacheRead<List<DailyPm25>> read = bypass
                    ? cache.bypass(NAMESPACE, () -> nonEmpty(source.readYear(location, y)))
                    : year(location, year);
            overall = combine(overall, read.outcome());
            read.value().ifPresent(rows -> rows.stream()
                    .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                    .forEach(days::add));
        }
        days.sort(java.util.Comparator.comparing(DailyPm25::date));
        return new Pm25Trend(location, from, to, overall,
                TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started), days);
    }

    /**
     * Drops the cached years an import touched; called after the rows are written. Says so when
     * Redis did not take them and they wait in the pending invalidations.
     */
    public Optional<String> invalidate(String location, Collection<Integer> years) {
        int pending = cache.invalidate(NAMESPACE, years.stream().map(y -> key(location, y)).toList());
        if (pending == 0) {
            return Optional.empty();
        }
        return Optional.of("Redis did not take the invalidation of " + pending + " cached year(s) of " + location
                + "; they are pending in " + cache.pendingFile(NAMESPACE) + " and are deleted before the next "
                + NAMESPACE + " read (reads go to Cassandra until Redis takes them)");
    }

    private static CacheOutcome combine(CacheOutcome overall, CacheOutcome next) {
        if (overall == CacheOutcome.BYPASS || next == CacheOutcome.DEGRADED) {
            return overall == CacheOutcome.BYPASS ? overall : CacheOutcome.DEGRADED;
        }
        if (overall == CacheOutcome.DEGRADED) {
            return overall;
        }
        return next == CacheOutcome.MISS ? CacheOutcome.MISS : overall;
    }

    private static Optional<List<DailyPm25>> nonEmpty(List<DailyPm25> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }
}
