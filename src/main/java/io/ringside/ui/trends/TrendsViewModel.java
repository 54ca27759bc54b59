package io.ringside.ui.trends;

import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.AqiCategory;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.DateSpan;
import io.ringside.core.data.pm25.LocationMatch;
import io.ringside.core.data.pm25.Lttb;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.core.data.pm25.RollingMean;
import io.ringside.core.data.pm25.TrendSummary;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The Trends page. Shown, it lists the locations and loads the chosen ones (the first location
 * when none is chosen; a chosen location without data is named in the error line rather than
 * dropped silently) over the chosen range, or over the whole stored span when no range is
 * given. Each location's days are downsampled with {@link Lttb} to {@link #MAX_CHART_POINTS} before
 * they reach the chart; hover, summaries and the CSV export use every day.
 */
public final class TrendsViewModel implements PageLoad {

    /** Enough for a smooth line at the width of a screen; 12 locations stay well under 10,000 nodes. */
    public static final int MAX_CHART_POINTS = 600;
    /** The upper bound of "Moderate": days above it are unhealthy at least for sensitive groups. */
    public static final double DEFAULT_THRESHOLD = 35.4;

    private final TrendsGateway gateway;
    private final TaskExecutor executor;
    private final ObservableList<String> locations = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final FilteredList<String> found = new FilteredList<>(locations);
    private final Map<String, BooleanProperty> checks = new HashMap<>();
    private boolean syncingChecks;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty bypassCache = new SimpleBooleanProperty();
    private final IntegerProperty rollingDays = new SimpleIntegerProperty();
    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final ObservableList<LocationTrend> trends = FXCollections.observableArrayList();
    private final ObservableList<LocationTrend> trendsView = FXCollections.unmodifiableObservableList(trends);
    private final ReadOnlyStringWrapper cacheStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final PageLoadState load = new PageLoadState();
    private int generation;

    public TrendsViewModel(TrendsGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        rollingDays.addListener((obs, old, days) -> recomputeRolling());
        threshold.addListener((obs, old, value) -> recomputeRolling());
        search.addListener((obs, old, query) -> found.setPredicate(name -> LocationMatch.matches(query, name)));
        chosen.addListener((ListChangeListener<String>) change -> syncChecks());
    }

    /** Preselects what snapshot mode was given ({@code --location}, {@code --from}, {@code --to}). */
    public void preset(List<String> locationNames, LocalDate first, LocalDate last) {
        if (locationNames != null && !locationNames.isEmpty()) {
            chosen.setAll(locationNames);
        }
        from.set(first);
        to.set(last);
    }

    @Override
    public void activate() {
        BackgroundTask.wrap(gateway::locations)
                .onSuccess(names -> {
                    locations.setAll(names);
                    chosen.setAll(chosen.stream().map(name -> storedName(name, names)).distinct().toList());
                    if (chosen.isEmpty() && !names.isEmpty()) {
                        chosen.add(names.get(0));
                    }
                    if (chosen.isEmpty()) {
                        trends.clear();
                        cacheStatus.set("No PM2.5 data stored yet: import some with `ringside load pm25`.");
                        finish(null);
                    } else {
                        load();
                    }
                })
                .onFailure(this::finish)
                .executeWith(executor);
    }

    /** The one stored name {@code name} is part of, else {@code name} as given (the error line names it). */
    private static String storedName(String name, List<String> stored) {
        List<String> matches = LocationMatch.matching(name, stored);
        return matches.size() == 1 ? matches.get(0) : name;
    }

    /**
     * Whether {@code location} is one of the chosen (its check box in the list): checking adds it
     * to the comparison, unchecking removes it; the list's filter leaves it alone.
     */
    public BooleanProperty checkedProperty(String location) {
        return checks.computeIfAbsent(location, name -> {
            BooleanProperty checked = new SimpleBooleanProperty(chosen.contains(name));
            checked.addListener((obs, was, now) -> {
                if (syncingChecks) {
                    return;
                }
                if (now && !chosen.contains(name)) {
                    chosen.add(name);
                } else if (!now) {
                    chosen.remove(name);
                }
                if (!chosen.isEmpty()) {
                    load();
                }
            });
            return checked;
        });
    }

    private void syncChecks() {
        syncingChecks = true;
        try {
            checks.forEach((name, checked) -> checked.set(chosen.contains(name)));
        } finally {
            syncingChecks = false;
        }
    }

    /**
     * Enter in the search field: when it leaves exactly one location, that one is charted (added
     * to the comparison when {@code add}, else alone).
     */
    public void chooseFound(boolean add) {
        if (found.size() != 1) {
            error.set(found.isEmpty() ? "No location matches '" + search.get().strip() + "'."
                    : found.size() + " locations match: check the ones to chart, or type more of the name.");
            return;
        }
        String name = found.get(0);
        if (!add) {
            chosen.setAll(name);
        } else if (!chosen.contains(name)) {
            chosen.add(name);
        }
        load();
    }

    /** Loads the chosen locations over the chosen range (missing ends: the stored span). */
    public void load() {
        if (chosen.isEmpty()) {
            error.set("Choose at least one location.");
            return;
        }
        List<String> names = List.copyOf(chosen);
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && last.isBefore(first)) {
            error.set("The range ends (" + last + ") before it starts (" + first + ").");
            return;
        }
        boolean bypass = bypassCache.get();
        int window = rollingDays.get();
        double limit = threshold.get();
        int current = ++generation;
        loading.set(true);
        BackgroundTask.wrap(() -> read(names, first, last, bypass, window, limit))
                .onSuccess(result -> {
                    if (current != generation) {
                        return;
                    }
                    trends.setAll(result);
                    cacheStatus.set(describeCache(result));
                    List<String> missing = names.stream()
                            .filter(name -> result.stream().noneMatch(t -> t.location().equals(name))).toList();
                    error.set(missing.isEmpty() ? "" : "No PM2.5 data in this range for " + String.join(", ", missing));
                    finish(null);
                })
                .onFailure(e -> {
                    if (current == generation) {
                        finish(e);
                    }
                })
                .executeWith(executor);
    }

    private List<LocationTrend> read(List<String> names, LocalDate first, LocalDate last, boolean bypass, int window,
                                     double limit) {
        List<LocationTrend> result = new ArrayList<>();
        for (String name : names) {
            LocalDate start = first;
            LocalDate end = last;
            if (start == null || end == null) {
                Optional<DateSpan> span = gateway.span(name);
                if (span.isEmpty()) {
                    continue;
                }
                start = start == null ? span.get().first() : start;
                end = end == null ? span.get().last() : end;
            }
            if (!end.isBefore(start)) {
                Pm25Trend trend = gateway.trend(name, start, end, bypass);
                if (!trend.days().isEmpty()) {
                    result.add(of(trend, window, limit));
                }
            }
        }
        return result;
    }

    static LocationTrend of(Pm25Trend trend, int window, double limit) {
        List<DailyPm25> days = trend.days();
        List<RollingMean.Point> rolling = window > 0 ? RollingMean.of(days, window) : List.of();
        return new LocationTrend(trend, downsample(days, DailyPm25::avg, d -> d.date().toEpochDay()), rolling,
                downsample(rolling, RollingMean.Point::mean, p -> p.date().toEpochDay()),
                TrendSummary.of(trend.location(), days, limit));
    }

    private static <T> List<T> downsample(List<T> points, ToDoubleFunction<T> y, ToDoubleFunction<T> x) {
        double[] xs = points.stream().mapToDouble(x).toArray();
        double[] ys = points.stream().mapToDouble(y).toArray();
        List<T> kept = new ArrayList<>();
        for (int index : Lttb.select(xs, ys, MAX_CHART_POINTS)) {
            kept.add(points.get(index));
        }
        return kept;
    }

    private void recomputeRolling() {
        if (trends.isEmpty()) {
            return;
        }
        int window = rollingDays.get();
        double limit = threshold.get();
        trends.setAll(trends.stream().map(t -> of(t.trend(), window, limit)).toList());
    }

    private static String describeCache(List<LocationTrend> result) {
        if (result.isEmpty()) {
            return "No days in this range.";
        }
        long micros = result.stream().mapToLong(trend -> trend.trend().latencyMicros()).sum();
        String took = " · " + String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
        if (result.size() == 1) {
            return "Last load: " + result.get(0).location() + " " + result.get(0).trend().outcome().label() + took;
        }
        // several compared: counted, not named (each is named in the summary below the chart); the
        // names on one line wrapped, and a wrapped line holding the sample's Devanagari name was
        // drawn past the window's edge
        Map<CacheOutcome, Long> outcomes = new EnumMap<>(CacheOutcome.class);
        result.forEach(trend -> outcomes.merge(trend.trend().outcome(), 1L, Long::sum));
        return "Last load: " + result.size() + " locations, " + outcomes.entrySet().stream()
                .map(outcome -> outcome.getValue() + " " + outcome.getKey().label())
                .collect(Collectors.joining(", ")) + took;
    }

    private void finish(Exception failure) {
        loading.set(false);
        if (failure != null) {
            String message = Errors.firstLine(failure);
            error.set(message);
            load.failed(message);
            return;
        }
        load.succeeded();
    }

    /** The day's figures of every loaded location, for the chart's hover text; empty if none has it. */
    public String describeDay(LocalDate day) {
        List<String> lines = new ArrayList<>();
        for (LocationTrend trend : trends) {
            trend.trend().days().stream().filter(d -> d.date().equals(day)).findFirst().ifPresent(d -> lines.add(
                    String.format(Locale.ROOT, "%s  avg %.1f · min %.1f · max %.1f µg/m³ (%s)", d.location(), d.avg(),
                            d.min(), d.max(), AqiCategory.of(d.avg()).label())));
        }
        return lines.isEmpty() ? "" : day + "\n" + String.join("\n", lines);
    }

    /** Every loaded day (not the downsampled ones), with the rolling mean when one is chosen. */
    public void writeCsv(Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("location", "date", "avg_pm25", "min_pm25", "max_pm25", "samples", "rolling_mean").get())) {
            for (LocationTrend trend : trends) {
                List<DailyPm25> days = trend.trend().days();
                for (int i = 0; i < days.size(); i++) {
                    DailyPm25 d = days.get(i);
                    csv.printRecord(d.location(), d.date(), rounded(d.avg()), rounded(d.min()), rounded(d.max()),
                            d.samples() == null ? "" : d.samples(),
                            trend.rolling().isEmpty() ? "" : rounded(trend.rolling().get(i).mean()));
                }
            }
        }
    }

    /**
     * One decimal, as PM2.5 is reported (and the AQI reads it): a mean such as 35.41666666666667
     * in a spreadsheet says nothing the 35.4 does not.
     */
    static String rounded(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public ObservableList<String> locations() {
        return locations;
    }

    /** The text the location list is filtered by: part of a name, words in any order. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The locations the search leaves, in stored order. */
    public ObservableList<String> foundLocations() {
        return found;
    }

    /** The locations to load; the view keeps it in step with its selection. */
    public ObservableList<String> chosen() {
        return chosen;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanProperty bypassCacheProperty() {
        return bypassCache;
    }

    /** 0 for no rolling mean, else its window in days (7 or 30 on the screen). */
    public IntegerProperty rollingDaysProperty() {
        return rollingDays;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ObservableList<LocationTrend> trends() {
        return trendsView;
    }

    /**
     * "Last load: Aotizhongxin hit · 3.2 ms", or for several locations "Last load: 3 locations, 2
     * hit, 1 miss · 9.8 ms": how the cache served the last load and how long it took.
     */
    public ReadOnlyStringProperty cacheStatusProperty() {
        return cacheStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
