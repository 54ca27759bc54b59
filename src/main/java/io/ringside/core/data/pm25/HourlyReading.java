package io.ringside.core.data.pm25;

/**
 * One hour of one station in {@code aqdata.pm25_hourly}. Every measurement is nullable because
 * the sources leave readings out ({@code NA}); a null is never written as a value, so a missing
 * reading stays missing rather than turning into a zero.
 */
public record HourlyReading(String location, int year, int month, int day, int hour,
                            Double pm25, Double pm10, Double so2, Double no2, Double co, Double o3,
                            Double temp, Double pres, Double dewp, Double rain, String wd, Double wspm) {
}
