package io.ringside.core.data.pm25;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ringside.core.MessageText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CSV layouts the importer understands, recognised by their header so an operator rarely
 * needs {@code --format}. Columns are matched by name (case-insensitive), not position, because
 * exports reorder columns (the daily export sorts them alphabetically).
 */
public enum Pm25Format {

    /** The users' own export: one row per location and day, no sample count. */
    DAILY("daily", true, List.of("date", "avg_pm25", "location", "max_pm25", "min_pm25")),

    /** UCI "Beijing Multi-Site Air-Quality": hourly, one station per file, station in a column. */
    PRSA_MULTISITE("prsa-multisite", true, List.of("No", "year", "month", "day", "hour", "PM2.5", "PM10", "SO2",
            "NO2", "CO", "O3", "TEMP", "PRES", "DEWP", "RAIN", "wd", "WSPM", "station")),

    /** UCI "Beijing PM2.5": hourly, a single site that the file does not name. */
    PRSA_SINGLE("prsa-single", false, List.of("No", "year", "month", "day", "hour", "pm2.5", "DEWP", "TEMP", "PRES",
            "cbwd", "Iws", "Is", "Ir"));

    private final String cliName;
    private final boolean carriesLocation;
    private final List<String> columns;

    Pm25Format(String cliName, boolean carriesLocation, List<String> columns) {
        this.cliName = cliName;
        this.carriesLocation = carriesLocation;
        this.columns = columns;
    }

    @JsonValue
    public String cliName() {
        return cliName;
    }

    /** Whether rows name their location; if not, the operator must give one. */
    public boolean carriesLocation() {
        return carriesLocation;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean hourly() {
        return this != DAILY;
    }

    public boolean matches(List<String> header) {
        Set<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return columns.stream().allMatch(c -> names.contains(c.toLowerCase(Locale.ROOT)));
    }

    /** The most specific format whose columns the header has (multi-site before single-site). */
    public static Optional<Pm25Format> detect(List<String> header) {
        for (Pm25Format format : List.of(PRSA_MULTISITE, PRSA_SINGLE, DAILY)) {
            if (format.matches(header)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    public static Pm25Format ofCliName(String name) {
        for (Pm25Format format : values()) {
            if (format.cliName.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown PM2.5 format '" + MessageText.quote(name) + "'; expected auto, daily, "
                + "prsa-multisite or prsa-single");
    }
}
