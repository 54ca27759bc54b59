package io.ringside.core.data.pm25;

import java.time.LocalDate;

/** One location-day of PM2.5 (µg/m³); {@code samples} is null for rows imported from daily files. */
public record DailyPm25(String location, LocalDate date, double avg, double min, double max, Integer samples) {
}
