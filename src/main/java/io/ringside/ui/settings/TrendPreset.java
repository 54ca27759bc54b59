package io.ringside.ui.settings;

import java.time.LocalDate;
import java.util.List;

/**
 * The locations and range the Trends page loads first, from the command line. Empty locations:
 * the page's own choice (the first location); a null end: that end of the stored series.
 */
public record TrendPreset(List<String> locations, LocalDate from, LocalDate to) {

    public TrendPreset {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
