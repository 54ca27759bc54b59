package io.ringside.ui.trends;

import io.ringside.core.data.pm25.AqiCategory;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.ui.theme.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * A line chart of daily averages over epoch days, with the AQI categories as coloured background
 * rectangles, each location's min/max as a translucent band behind its line and the threshold as
 * a dashed line. Both are laid out
 * in plot coordinates on every layout pass, so they follow zooming and resizing without being
 * chart series (which would clutter the legend).
 */
public final class TrendChart extends LineChart<Number, Number> {

    /** The least a legend entry may take before it is cut, however narrow the chart (whole on hover and in the summary). */
    private static final double LEGEND_ENTRY = 260;

    private final NumberAxis days;
    private final NumberAxis values;
    private final DoubleProperty threshold = new SimpleDoubleProperty(Double.NaN);
    private final Line thresholdLine = new Line();
    private final List<Rectangle> categoryBands = new ArrayList<>();
    private final List<Polygon> minMaxBands = new ArrayList<>();
    private final FlowPane legend = new FlowPane();
    /** The widest a legend entry is drawn: a row of the legend, as wide as the chart lets it be. */
    private final DoubleBinding legendRow = Bindings.createDoubleBinding(
            () -> Math.max(LEGEND_ENTRY, getWidth() - snappedLeftInset() - snappedRightInset()
                    - legend.snappedLeftInset() - legend.snappedRightInset()),
            widthProperty(), insetsProperty(), legend.insetsProperty());
    private List<List<DailyPm25>> bandDays = List.of();

    public TrendChart() {
        this(new NumberAxis(), new NumberAxis());
    }

    private TrendChart(NumberAxis days, NumberAxis values) {
        super(days, values);
        this.days = days;
        this.values = values;
        setAnimated(false);
        setCreateSymbols(false);
        // ranged by updateAxisRange in whole days (DayTicks): auto ranging put two ticks on one date
        days.setAutoRanging(false);
        days.setMinorTickVisible(false);
        days.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return LocalDate.ofEpochDay(Math.round(epochDay.doubleValue())).toString();
            }

            @Override
            public Number fromString(String text) {
                return LocalDate.parse(text).toEpochDay();
            }
        });
        days.widthProperty().addListener((obs, old, width) -> spaceDayTicks());
        values.setLabel("PM2.5 µg/m³ (daily)");
        values.setForceZeroInRange(true);
        for (AqiCategory category : AqiCategory.values()) {
            Rectangle band = new Rectangle();
            band.getStyleClass().addAll("aqi-band", styleOf(category));
            band.setMouseTransparent(true);
            categoryBands.add(band);
        }
        getPlotChildren().addAll(0, categoryBands);
        thresholdLine.getStyleClass().add("threshold-line");
        thresholdLine.setMouseTransparent(true);
        getPlotChildren().add(thresholdLine);
        threshold.addListener((obs, old, value) -> {
            updateAxisRange();
            requestChartLayout();
        });
        legend.getStyleClass().addAll("chart-legend", "trend-legend");
        legend.setAlignment(Pos.CENTER);
        // as wide as the chart lets it be, then wrapped: its preferred width is one row of every entry
        legend.setPrefWrapLength(Double.MAX_VALUE);
        setLegend(legend);
    }

    /**
     * The series legend: a flow of entries each as wide as its own name, not the chart's own tiles,
     * each as wide as the widest name. With the PM2.5 sample's long name among four locations the
     * tiles took a row each at 1024 px, and the chart, which hides its legend where less than 150 px
     * would be left for the plot, hid it. An entry is cut (whole on hover) only where its name is wider
     * than a row of the legend ({@link #legendRow}, at least {@value #LEGEND_ENTRY} px): a cut at a
     * fixed 260 px cut the sample's Hyderabad name even at 1920 px, with the room for it beside it.
     * The colours are the lines' own style classes.
     */
    @Override
    protected void updateLegend() {
        List<Node> entries = new ArrayList<>();
        List<XYChart.Series<Number, Number>> series = getData();
        for (int i = 0; i < series.size(); i++) {
            Region symbol = new Region();
            symbol.getStyleClass().addAll("chart-legend-item-symbol", "chart-line-symbol", "series" + i,
                    colourClass(series.get(i), i));
            Label entry = new Label(series.get(i).getName(), symbol);
            entry.getStyleClass().addAll("chart-legend-item", Styles.ELIDABLE);
            entry.maxWidthProperty().bind(legendRow);
            entry.setTooltip(new Tooltip(series.get(i).getName()));
            entries.add(entry);
        }
        legend.getChildren().setAll(entries);
    }

    /** The colour class of a series' line ("default-color3"), which the chart chose as it added the series. */
    private static String colourClass(XYChart.Series<Number, Number> series, int index) {
        if (series.getNode() != null) {
            for (String style : series.getNode().getStyleClass()) {
                if (style.startsWith("default-color")) {
                    return style;
                }
            }
        }
        return "default-color" + (index % 8);
    }

    /** The style class that colours {@code category}'s band (and its legend swatch). */
    static String styleOf(AqiCategory category) {
        return "aqi-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The level drawn as a dashed line across the plot (NaN: none); the value axis reaches it. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Shows {@code trends}: one average line (and rolling line) per location, with its min/max band. */
    public void show(List<LocationTrend> trends) {
        getPlotChildren().removeAll(minMaxBands);
        minMaxBands.clear();
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        List<List<DailyPm25>> bands = new ArrayList<>();
        for (LocationTrend trend : trends) {
            int colour = lines.size();
            XYChart.Series<Number, Number> average = new XYChart.Series<>();
            average.setName(trend.location());
            trend.chartDays().forEach(d -> average.getData().add(new XYChart.Data<>(d.date().toEpochDay(), d.avg())));
            lines.add(average);
            if (!trend.chartRolling().isEmpty()) {
                XYChart.Series<Number, Number> rolling = new XYChart.Series<>();
                rolling.setName(trend.location() + " (rolling mean)");
                trend.chartRolling().forEach(p -> rolling.getData().add(new XYChart.Data<>(p.date().toEpochDay(), p.mean())));
                lines.add(rolling);
            }
            Polygon band = new Polygon();
            band.getStyleClass().addAll("min-max-band", "min-max-band-" + (colour % 8));
            band.setMouseTransparent(true);
            minMaxBands.add(band);
            bands.add(trend.chartDays());
        }
        bandDays = bands;
        getPlotChildren().addAll(categoryBands.size(), minMaxBands);
        getData().setAll(lines);
        thresholdLine.toFront();
    }

    /**
     * The value axis ranges over the min/max bands too, not only the lines: a day's maximum is
     * often several times its average, and a band cut off at the top hides the worst hours.
     */
    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        rangeDays();
        if (!values.isAutoRanging() || bandDays.isEmpty()) {
            return;
        }
        List<Number> extent = new ArrayList<>();
        for (XYChart.Series<Number, Number> series : getData()) {
            series.getData().forEach(point -> extent.add(point.getYValue()));
        }
        bandDays.forEach(points -> points.forEach(day -> {
            extent.add(day.min());
            extent.add(day.max());
        }));
        if (!Double.isNaN(threshold.get())) {
            extent.add(threshold.get());
        }
        values.invalidateRange(extent);
    }

    /** The date axis from the first to the last day shown (a day either side of a single day). */
    private void rangeDays() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (XYChart.Series<Number, Number> series : getData()) {
            for (XYChart.Data<Number, Number> point : series.getData()) {
                long day = Math.round(point.getXValue().doubleValue());
                first = Math.min(first, day);
                last = Math.max(last, day);
            }
        }
        if (first > last) {
            return;
        }
        if (first == last) {
            first--;
            last++;
        }
        days.setLowerBound(first);
        days.setUpperBound(last);
        spaceDayTicks();
    }

    private void spaceDayTicks() {
        long span = Math.round(days.getUpperBound() - days.getLowerBound());
        days.setTickUnit(DayTicks.step(span, days.getWidth() > 0 ? days.getWidth() : getWidth()));
    }

    /** The day under a scene x coordinate, or null outside the data. */
    public LocalDate dayAt(double sceneX) {
        double local = days.sceneToLocal(sceneX, 0).getX();
        Number value = days.getValueForDisplay(local);
        return value == null ? null : LocalDate.ofEpochDay(Math.round(value.doubleValue()));
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double width = days.getWidth();
        double top = values.getDisplayPosition(values.getUpperBound());
        for (int i = 0; i < categoryBands.size(); i++) {
            AqiCategory category = AqiCategory.values()[i];
            Rectangle band = categoryBands.get(i);
            double low = i == 0 ? category.low() : AqiCategory.values()[i - 1].high();
            double high = Math.min(category.high(), values.getUpperBound());
            boolean shown = low < values.getUpperBound();
            band.setVisible(shown);
            if (shown) {
                double y0 = values.getDisplayPosition(Math.max(low, values.getLowerBound()));
                double y1 = Math.max(values.getDisplayPosition(high), top);
                band.setX(0);
                band.setWidth(width);
                band.setY(y1);
                band.setHeight(Math.max(y0 - y1, 0));
            }
        }
        double level = threshold.get();
        boolean drawn = !Double.isNaN(level) && !bandDays.isEmpty() && level <= values.getUpperBound()
                && level >= values.getLowerBound();
        thresholdLine.setVisible(drawn);
        if (drawn) {
            double y = values.getDisplayPosition(level);
            thresholdLine.setStartX(0);
            thresholdLine.setEndX(width);
            thresholdLine.setStartY(y);
            thresholdLine.setEndY(y);
        }
        for (int i = 0; i < minMaxBands.size(); i++) {
            List<DailyPm25> points = bandDays.get(i);
            List<Double> coordinates = new ArrayList<>(points.size() * 4);
            for (DailyPm25 d : points) {
                coordinates.add(days.getDisplayPosition(d.date().toEpochDay()));
                coordinates.add(values.getDisplayPosition(d.max()));
            }
            for (int p = points.size() - 1; p >= 0; p--) {
                DailyPm25 d = points.get(p);
                coordinates.add(days.getDisplayPosition(d.date().toEpochDay()));
                coordinates.add(values.getDisplayPosition(d.min()));
            }
            minMaxBands.get(i).getPoints().setAll(coordinates);
        }
    }
}
