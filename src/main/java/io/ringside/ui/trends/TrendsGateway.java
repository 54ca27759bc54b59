package io.ringside.ui.trends;

import io.ringside.core.data.pm25.DateSpan;
import io.ringside.core.data.pm25.Pm25Trend;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the Trends screen needs from {@code core.data}, narrowed so the view-model is tested with a
 * fake as well as against the real stack. Every method may block on the network.
 */
public interface TrendsGateway {

    List<String> locations();

    /** The first and last day stored for {@code location}; empty when it has no rows. */
    Optional<DateSpan> span(String location);

    /** Days from {@code from} to {@code to} inclusive through the cache, or straight from Cassandra. */
    Pm25Trend trend(String location, LocalDate from, LocalDate to, boolean bypassCache);
}
