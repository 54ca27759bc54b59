package io.ringside.core.data.pm25;

import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CoherenceRule;
import io.ringside.core.data.cache.CoherenceVerdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coherence rule of the PM2.5 location-years: a cached year is decoded with the cache's own
 * codec and compared day by day with the year read from Cassandra again; the days that differ (a
 * value changed, a day only on one side) are what makes it stale.
 */
public final class Pm25Coherence implements CoherenceRule {

    private static final int DAYS_NAMED = 5;

    private final Pm25YearSource source;

    public Pm25Coherence(Pm25YearSource source) {
        this.source = source;
    }

    @Override
    public String namespace() {
        return Pm25Cache.NAMESPACE;
    }

    @Override
    public String pattern() {
        return Pm25Cache.NAMESPACE + ":*";
    }

    @Override
    public Optional<CoherenceVerdict> check(String key, byte[] stored) {
        Optional<Pm25Cache.Key> parsed = Pm25Cache.parseKey(key);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String location = parsed.get().location();
        List<DailyPm25> now = source.readYear(location, parsed.get().year());
        Optional<List<DailyPm25>> cached;
        try {
            cached = CacheAside.decodeStored(stored, new Pm25SeriesCodec(location));
        } catch (RuntimeException e) {
            return Optional.of(CoherenceVerdict.stale(List.of(), "cannot be decoded: " + e.getMessage()));
        }
        if (cached.isEmpty()) {
            return Optional.of(now.isEmpty() ? CoherenceVerdict.fresh("no rows, cached as absent")
                    : CoherenceVerdict.stale(dates(byDate(now).keySet()),
                            "cached as absent, " + now.size() + " days in Cassandra"));
        }
        if (now.isEmpty()) {
            return Optional.of(CoherenceVerdict.orphaned(cached.get().size() + " days cached, no rows in Cassandra"));
        }
        List<String> differing = differingDays(cached.get(), now);
        if (differing.isEmpty()) {
            return Optional.of(CoherenceVerdict.fresh(now.size() + " days, as in Cassandra"));
        }
        String named = String.join(", ", differing.subList(0, Math.min(DAYS_NAMED, differing.size())))
                + (differing.size() > DAYS_NAMED ? " (+" + (differing.size() - DAYS_NAMED) + " more)" : "");
        return Optional.of(CoherenceVerdict.stale(differing, differing.size()
                + (differing.size() == 1 ? " day differs: " : " days differ: ") + named));
    }

    /** Days present on one side only or with other values, oldest first. */
    static List<String> differingDays(List<DailyPm25> cached, List<DailyPm25> now) {
        Map<LocalDate, DailyPm25> a = byDate(cached);
        Map<LocalDate, DailyPm25> b = byDate(now);
        TreeSet<LocalDate> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        List<LocalDate> differing = new ArrayList<>();
        for (LocalDate day : all) {
            if (!sameValues(a.get(day), b.get(day))) {
                differing.add(day);
            }
        }
        return dates(differing);
    }

    private static boolean sameValues(DailyPm25 a, DailyPm25 b) {
        return a != null && b != null && Double.compare(a.avg(), b.avg()) == 0 && Double.compare(a.min(), b.min()) == 0
                && Double.compare(a.max(), b.max()) == 0 && Objects.equals(a.samples(), b.samples());
    }

    private static Map<LocalDate, DailyPm25> byDate(List<DailyPm25> days) {
        Map<LocalDate, DailyPm25> map = new TreeMap<>();
        days.forEach(d -> map.put(d.date(), d));
        return map;
    }

    private static List<String> dates(java.util.Collection<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toList();
    }
}
