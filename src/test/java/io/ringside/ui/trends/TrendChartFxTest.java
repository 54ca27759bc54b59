package io.ringside.ui.trends;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.core.data.pm25.TrendSummary;
import io.ringside.ui.testing.FreshStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart's value axis, headless and without servers: bands far above the averages stay in view. */
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
}
