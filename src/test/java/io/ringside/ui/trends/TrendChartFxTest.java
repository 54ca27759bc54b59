package io.ringside.ui.trends;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.core.data.pm25.TrendSummary;
import io.ringside.ui.testing.FreshStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart, headless and without servers: bands far above the averages stay in view; a long location
 * name is whole in the series legend where a row of it has room.
 */
@ExtendWith(ApplicationExtension.class)
class TrendChartFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theValueAxisReachesTheHighestDailyMaximum(FxRobot robot) throws Exception {
        List<DailyPm25> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 30; i++) {
            days.add(new DailyPm25("Somewhere", first.plusDays(i), 20 + i % 5, 5, i == 17 ? 480 : 60, 24));
        }
        Pm25Trend trend = new Pm25Trend("Somewhere", first, first.plusDays(29), CacheOutcome.BYPASS, 0, days);
        LocationTrend shown = new LocationTrend(trend, days, List.of(), List.of(), TrendSummary.of("Somewhere", days, 35));
        TrendChart chart = new TrendChart();
        robot.interact(() -> {
            FreshStage.show(stage, new Scene(chart, 900, 600));
            chart.show(List.of(shown));
        });
        WaitForAsyncUtils.waitForFxEvents();

        double upper = onFx(() -> ((NumberAxis) chart.getYAxis()).getUpperBound());
        assertTrue(upper >= 480, "upper bound " + upper + " cuts the band's 480 maximum");
    }
    @Test
    void aLongLocationNameIsWholeInTheLegendWhereARowHasRoomForIt(FxRobot robot) throws Exception {
        TrendChart chart = new TrendChart();
        StackPane box = new StackPane(chart);
        robot.interact(() -> {
            FreshStage.show(stage, new Scene(box, 620, 420)); // the chart's width in a 1024 px window
            chart.show(FakeTrendsGateway.LOCATIONS.stream().map(TrendChartFxTest::trendOf).toList());
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label entry = onFx(() -> legendEntry(chart, FakeTrendsGateway.HYDERABAD));
        assertEquals(FakeTrendsGateway.HYDERABAD, onFx(() -> ((Text) entry.lookup(".text")).getText()),
                "the name whole, not cut at 260 px in a legend row of " + onFx(() -> entry.getParent().getLayoutBounds().getWidth()));

        robot.interact(() -> stage.setWidth(300));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onFx(() -> !((Text) entry.lookup(".text")).getText().equals(FakeTrendsGateway.HYDERABAD)));
        assertEquals(FakeTrendsGateway.HYDERABAD, onFx(() -> entry.getTooltip().getText()), "cut, whole on hover");
    }

    private static Label legendEntry(TrendChart chart, String name) {
        return chart.lookupAll(".chart-legend-item").stream().map(node -> (Label) node)
                .filter(label -> label.getText().equals(name)).findFirst().orElseThrow();
    }

    private static LocationTrend trendOf(String location) {
        List<DailyPm25> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 9; i++) {
            days.add(new DailyPm25(location, first.plusDays(i), 20 + i, 5, 60, 24));
        }
        Pm25Trend trend = new Pm25Trend(location, first, first.plusDays(8), CacheOutcome.BYPASS, 0, days);
        return new LocationTrend(trend, days, List.of(), List.of(), TrendSummary.of(location, days, 35));
    }
}
