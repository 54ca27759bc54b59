package io.ringside.ui.trends;

import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.DateSpan;
import io.ringside.core.data.pm25.Pm25Trend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Nine days for each of a few locations, without servers; remembers which locations were read. */
public final class FakeTrendsGateway implements TrendsGateway {

    public static final LocalDate FIRST = LocalDate.of(2025, 3, 2);
    public static final String HYDERABAD = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";
    static final List<String> LOCATIONS = List.of("Aotizhongxin", "Delhi", HYDERABAD, "New Delhi US Embassy");

    final List<String> read = new ArrayList<>();

    @Override
    public List<String> locations() {
        return LOCATIONS;
    }

    @Override
    public Optional<DateSpan> span(String location) {
        return LOCATIONS.contains(location) ? Optional.of(new DateSpan(FIRST, FIRST.plusDays(8))) : Optional.empty();
    }

    @Override
    public Pm25Trend trend(String location, LocalDate from, LocalDate to, boolean bypassCache) {
        read.add(location);
        List<DailyPm25> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int i = (int) (day.toEpochDay() - FIRST.toEpochDay());
            days.add(new DailyPm25(location, day, 35.41666666666667 + i, 20.04, 60.96, i % 2 == 0 ? 24 : null));
        }
        return new Pm25Trend(location, from, to, CacheOutcome.BYPASS, 10, days);
    }
}
