package io.ringside.ui.trends;

import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.core.data.pm25.RollingMean;
import io.ringside.core.data.pm25.TrendSummary;
import java.util.List;

/**
 * One location's loaded series: {@code trend} holds every day (hover, summary and CSV use it),
 * {@code chartDays} and {@code chartRolling} the downsampled points the chart draws.
 */
public record LocationTrend(Pm25Trend trend, List<DailyPm25> chartDays, List<RollingMean.Point> rolling,
                            List<RollingMean.Point> chartRolling, TrendSummary summary) {

    public String location() {
        return trend.location();
    }
}
