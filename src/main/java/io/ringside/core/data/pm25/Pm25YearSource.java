package io.ringside.core.data.pm25;

import java.util.List;

/** Reads one location-year of the daily series from Cassandra: the unit the cache stores. */
@FunctionalInterface
public interface Pm25YearSource {

    List<DailyPm25> readYear(String location, int year);
}
