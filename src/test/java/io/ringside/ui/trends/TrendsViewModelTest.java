package io.ringside.ui.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestData;
import io.ringside.testing.TestStack;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trend view-model on the shared stack, against direct CQL queries for one Beijing station
 * (whose data has gaps, e.g. 2014-12-19..30 without any PM2.5 reading: missing days stay missing).
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsViewModelTest {

    private static final String STATION = "Aotizhongxin";
    private static final LocalDate FROM = LocalDate.of(2014, 12, 20);
    private static final LocalDate TO = LocalDate.of(2015, 1, 31);

    private Backends backends;
    private TrendsViewModel viewModel;

    @BeforeAll
    void importOneStation(TestStack stack) throws Exception {
        backends = stack.backends();
        new DataServices(backends).pm25Importer().run(List.of(Pm25Source.of(TestData.beijingStation(STATION))),
                Pm25ImportOptions.defaults(), p -> { });
        viewModel = new TrendsViewModel(new CacheTrendsGateway(() -> backends, stack.dataFolder()), new CurrentThreadTaskExecutor());
    }

    @AfterAll
    void close() {
        backends.close();
    }

    @Test
    void dailyAveragesEqualADirectQueryOfTheDailyTableAndTheHourlyAggregate() {
        viewModel.preset(List.of(STATION), FROM, TO);
        viewModel.activate();

        assertTrue(viewModel.loadedProperty().get(), viewModel.loadErrorProperty().get());
        assertEquals(List.of(STATION), viewModel.trends().stream().map(LocationTrend::location).toList());
        Map<LocalDate, Double> shown = new LinkedHashMap<>();
        viewModel.trends().get(0).trend().days().forEach(d -> shown.put(d.date(), d.avg()));
        assertTrue(shown.size() > 30, "days shown: " + shown.size());

        Map<LocalDate, Double> daily = new LinkedHashMap<>();
        for (Row row : backends.cql().execute(SimpleStatement.newInstance("SELECT date, avg_pm25 FROM aqdata.pm25 "
                + "WHERE location = ? AND date >= ? AND date <= ?", STATION, FROM, TO)
                .setTimeout(Duration.ofSeconds(30)))) {
            daily.put(row.getLocalDate(0), row.getDouble(1));
        }
        assertEquals(daily, shown);

        for (Row row : backends.cql().execute(SimpleStatement.newInstance("SELECT day, avg(pm25) FROM aqdata.pm25_hourly "
                + "WHERE location = ? AND year = 2015 AND month = 1 GROUP BY location, year, month, day", STATION)
                .setTimeout(Duration.ofSeconds(30)))) {
            LocalDate day = LocalDate.of(2015, 1, row.getInt(0));
            assertEquals(row.getDouble(1), shown.get(day), 1e-9, day.toString());
        }
    }

    @Test
    void aLocationWithoutDataIsNamedNotDroppedSilently() {
        viewModel.preset(List.of(STATION, "Nowhere-" + java.util.UUID.randomUUID()), FROM, TO);
        viewModel.activate();
        assertEquals(List.of(STATION), viewModel.trends().stream().map(LocationTrend::location).toList());
        assertTrue(viewModel.errorProperty().get().startsWith("No PM2.5 data in this range for Nowhere-"),
                viewModel.errorProperty().get());
        viewModel.preset(List.of(STATION), FROM, TO);
        viewModel.load();
        assertEquals("", viewModel.errorProperty().get());
    }

    @Test
    void aSecondLoadIsACacheHitAndBypassSkipsTheCache() {
        viewModel.preset(List.of(STATION), FROM, TO);
        viewModel.bypassCacheProperty().set(false);
        viewModel.activate();
        viewModel.load();
        assertEquals(CacheOutcome.HIT, viewModel.trends().get(0).trend().outcome());
        assertTrue(viewModel.cacheStatusProperty().get().matches("Last load: " + STATION + " hit · [0-9.]+ ms"),
                viewModel.cacheStatusProperty().get());

        viewModel.bypassCacheProperty().set(true);
        viewModel.load();
        assertEquals(CacheOutcome.BYPASS, viewModel.trends().get(0).trend().outcome());
        assertTrue(viewModel.cacheStatusProperty().get().contains("bypass"), viewModel.cacheStatusProperty().get());
        viewModel.bypassCacheProperty().set(false);
    }

    @Test
    void wholeStationIsDownsampledForTheChartButCsvAndSummaryUseEveryDay() throws Exception {
        viewModel.preset(List.of(STATION), null, null);
        viewModel.rollingDaysProperty().set(30);
        viewModel.activate();
        viewModel.rollingDaysProperty().set(0);
        viewModel.rollingDaysProperty().set(30);

        LocationTrend trend = viewModel.trends().get(0);
        List<DailyPm25> days = trend.trend().days();
        assertEquals(LocalDate.of(2013, 3, 1), days.get(0).date());
        assertEquals(LocalDate.of(2017, 2, 28), days.get(days.size() - 1).date());
        assertTrue(trend.chartDays().size() <= TrendsViewModel.MAX_CHART_POINTS + 2, "chart points " + trend.chartDays().size());
        DailyPm25 worst = days.stream().max(java.util.Comparator.comparingDouble(DailyPm25::avg)).orElseThrow();
        assertTrue(trend.chartDays().contains(worst), "the worst day is kept");
        assertEquals(worst.avg(), trend.summary().max());
        assertEquals(days.stream().filter(d -> d.avg() > TrendsViewModel.DEFAULT_THRESHOLD).count(),
                trend.summary().daysAbove());
        assertEquals(days.size(), trend.rolling().size());

        StringWriter csv = new StringWriter();
        viewModel.writeCsv(csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("location,date,avg_pm25,min_pm25,max_pm25,samples,rolling_mean", lines.get(0));
        assertEquals(days.size() + 1, lines.size());
        assertTrue(viewModel.describeDay(worst.date()).contains(STATION + "  avg"), viewModel.describeDay(worst.date()));
        viewModel.rollingDaysProperty().set(0);
    }
}
