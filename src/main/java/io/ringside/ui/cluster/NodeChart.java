package io.ringside.ui.cluster;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * One of the Nodes tab's charts, kept in step with the selected node's samples point by point: a
 * new sample appends one point to each line and the oldest one drops off, as the samples list
 * changes. Re-creating the series at each health refresh (as before) re-made the legend and every
 * point and, with auto-ranging axes, had each axis try tick spacings by formatting every candidate
 * label with a new {@code DecimalFormat}: 25-57 ms of FX-thread CPU per refresh.
 *
 * <p>So both axes are ranged here, only when a range really changes: time from the oldest sample
 * shown to the latest ({@link TimeAxisSpan}: it grows from a node's first sample, then scrolls, at
 * most {@value #WINDOW_MINUTES} minutes, labels on whole minutes), values from 0 to a round ceiling
 * above the largest value shown (1, 2 or 5 times a power of ten).
 */
final class NodeChart {

    /** One line of the chart: its legend name and the figure it plots. */
    record Line(String name, ToDoubleFunction<NodeSample> value) {
    }

    /**
     * The widest the time axis gets: wider than the samples kept ({@link NodesViewModel#MAX_SAMPLES} at the
     * health period, ten minutes), so it only cuts samples spread out by the poll's back-off.
     */
    static final int WINDOW_MINUTES = 12;
    /** Minutes between the time axis's labels once it spans more than a few minutes. */
    static final int TICK_MINUTES = 2;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final NumberAxis time = new NumberAxis();
    private final NumberAxis values = new NumberAxis();
    private final StagedLineChart chart = new StagedLineChart(time, values);
    private final List<Line> lines;
    private final List<XYChart.Series<Number, Number>> series = new ArrayList<>();
    private final String title;
    /** The time axis's span as last ranged: which of its ticks are labelled. */
    private TimeAxisSpan span;

    NodeChart(String id, String title, ObservableList<NodeSample> samples, List<Line> lines) {
        this.lines = List.copyOf(lines);
        chart.setId(id);
        chart.getStyleClass().add("node-chart");
        this.title = title;
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(lines.size() > 1);
        time.setAnimated(false);
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        time.setTickLabelsVisible(false);
        time.setTickUnit(TimeAxisSpan.TICK_UNIT);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                if (span != null && !span.labelled(minutes.doubleValue())) {
                    return "";
                }
                return CLOCK.format(LocalTime.ofInstant(
                        Instant.ofEpochMilli(Math.round(minutes.doubleValue() * 60_000)), ZoneId.systemDefault()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the axis only shows times");
            }
        });
        values.setAnimated(false);
        values.setAutoRanging(false);
        values.setMinorTickVisible(false);
        values.setTickLabelsVisible(false);
        values.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return figure(value.doubleValue(), values.getTickUnit());
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text);
            }
        });
        for (Line line : this.lines) {
            XYChart.Series<Number, Number> one = new XYChart.Series<>();
            one.setName(line.name());
            series.add(one);
        }
        follow(samples);
    }

    /**
     * The chart, made bare: its frame, with its plot once {@link #showPlot()}, its ranged axes and
     * legend once {@link #showAxes()}, its title and tick labels once {@link #showLabels()} and its
     * lines once {@link #showLines()} were called. So a chart's first showing can be five pulses,
     * each styling and laying out a part of it for the first time (the whole chart in one pulse was
     * the Nodes tab opening's longest, 21-38 ms of FX-thread CPU at load 10-15, {@code bench
     * cluster-ui}); the lines follow the samples meanwhile all the same.
     */
    LineChart<Number, Number> chart() {
        return chart;
    }

    /** Puts the plot (its background and grid lines) in the chart: until then it styles and lays out its frame only. */
    void showPlot() {
        chart.showPlot();
    }

    /** Puts the axes and the (empty) legend in the chart (and the plot if not yet). */
    void showAxes() {
        chart.showAxes();
    }

    /** Shows the title and both axes' tick labels. */
    void showLabels() {
        chart.setTitle(title);
        time.setTickLabelsVisible(true);
        values.setTickLabelsVisible(true);
    }

    /** Puts the lines (and their legend) in the chart. */
    void showLines() {
        if (chart.getData().isEmpty()) {
            chart.getData().setAll(series);
        }
    }

    /** Mirrors each change of {@code samples} on the lines' points, then ranges the axes. */
    private void follow(ObservableList<NodeSample> samples) {
        for (int i = 0; i < lines.size(); i++) {
            series.get(i).getData().setAll(points(samples, lines.get(i)));
        }
        range(samples);
        samples.addListener((ListChangeListener<NodeSample>) change -> {
            while (change.next()) {
                for (int i = 0; i < lines.size(); i++) {
                    ObservableList<XYChart.Data<Number, Number>> data = series.get(i).getData();
                    if (change.wasPermutated() || change.wasUpdated()) {
                        data.setAll(points(change.getList(), lines.get(i)));
                        continue;
                    }
                    if (change.wasRemoved()) {
                        data.remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                    }
                    if (change.wasAdded()) {
                        data.addAll(change.getFrom(), points(change.getAddedSubList(), lines.get(i)));
                    }
                }
            }
            range(change.getList());
        });
    }

    private static List<XYChart.Data<Number, Number>> points(List<? extends NodeSample> samples, Line line) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(samples.size());
        for (NodeSample sample : samples) {
            points.add(new XYChart.Data<>(TimeAxisSpan.minutes(sample.at()), line.value().applyAsDouble(sample)));
        }
        return points;
    }

    /**
     * Ranges the axes to the samples; with none (before the first sample, or after a change of
     * node), to the window ending now and 0 to 1. Left at the axes' defaults, a chart shown before its
     * first sample had a time axis of 0-100 minutes (clock times of the epoch's first hours) and values to 100.
     */
    private void range(List<? extends NodeSample> samples) {
        span = samples.isEmpty() ? TimeAxisSpan.endingAt(Instant.now(), WINDOW_MINUTES, TICK_MINUTES)
                : TimeAxisSpan.next(span, samples.get(0).at(), samples.get(samples.size() - 1).at(), WINDOW_MINUTES,
                        TICK_MINUTES);
        setBounds(time, span.lower(), span.upper(), TimeAxisSpan.TICK_UNIT);
        double largest = 0;
        for (NodeSample sample : samples) {
            for (Line line : lines) {
                double value = line.value().applyAsDouble(sample);
                if (value > largest) {
                    largest = value;
                }
            }
        }
        Scale scale = Scale.above(largest);
        setBounds(values, 0, scale.top(), scale.tick());
    }

    private static void setBounds(NumberAxis axis, double lower, double upper, double tick) {
        if (axis.getLowerBound() != lower || axis.getUpperBound() != upper) {
            axis.setLowerBound(lower);
            axis.setUpperBound(upper);
            axis.setTickUnit(tick);
        }
    }

    /**
     * A line chart whose plot, then axes and legend, join it later ({@link #showPlot()}, {@link
     * #showAxes()}): a chart's first CSS pass styles all of its parts at once, and for the process's
     * first chart (the Nodes tab's first) that pulse took 14-20 ms of FX-thread CPU on a quiet machine
     * ({@code bench cluster-ui}). Its frame (title and content pane), its plot (background, grid
     * lines), then its axes and legend are each a part of that. Until then the chart lays out what
     * it holds with the axes' sizes as they measure out of the scene; it is hidden meanwhile.
     */
    private static final class StagedLineChart extends LineChart<Number, Number> {

        /** Its plot background and plot area, then its two axes, as {@code XYChart} adds them. */
        private final List<Node> held;
        private final Node legend;

        StagedLineChart(NumberAxis time, NumberAxis values) {
            super(time, values);
            held = List.copyOf(getChartChildren());
            getChartChildren().clear();
            legend = getLegend();
            setLegend(null);
        }

        void showPlot() {
            for (Node part : held) {
                if (!(part instanceof NumberAxis) && !getChartChildren().contains(part)) {
                    getChartChildren().add(part);
                }
            }
        }

        void showAxes() {
            showPlot();
            for (Node part : held) {
                if (part instanceof NumberAxis && !getChartChildren().contains(part)) {
                    getChartChildren().add(part);
                }
            }
            if (getLegend() == null) {
                setLegend(legend);
            }
        }
    }

    /**
     * A value axis from 0 to {@code top}, the smallest of 1, 2 or 5 times a power of ten at or above
     * the largest value (1 when nothing is above 0), with ticks at a fifth of it (a quarter for 2).
     */
    record Scale(double top, double tick) {

        static Scale above(double largest) {
            if (!(largest > 0) || Double.isInfinite(largest)) {
                return new Scale(1, 0.2);
            }
            double power = Math.pow(10, Math.floor(Math.log10(largest)));
            for (int step : new int[] {1, 2, 5}) {
                if (largest <= step * power * (1 + 1e-9)) {
                    return new Scale(step * power, step * power / (step == 2 ? 4 : 5));
                }
            }
            return new Scale(10 * power, 2 * power);
        }
    }

    /** A tick's value with as many decimals as the tick spacing needs: 0.002 apart shows 0.004, not 0. */
    static String figure(double value, double tick) {
        int decimals = tick >= 1 ? 0 : (int) Math.ceil(-Math.log10(tick) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
