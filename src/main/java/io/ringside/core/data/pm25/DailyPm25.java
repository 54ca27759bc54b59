package io.ringside.core.data.pm25;

import java.time.LocalDate;

/**
 * One day of one location in {@code aqdata.pm25}. {@code samples} is the number of hourly
 * readings the figures were computed from, or null when the source only had daily figures
 * (the users' own export), so a chart can tell a measured day from a reported one.
 */
public record DailyPm25(String location, LocalDate date, double avg, double min, double max, Integer samples) {
}
