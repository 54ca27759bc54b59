package io.ringside.ui.cache;

import java.util.Arrays;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/**
 * A small line of a series' values without axes, scaled to its size: the shape of a cached year
 * at a glance above its table of days. Points are recomputed only when the values or the size
 * change, one point per value (a year is 366 at most).
 */
public final class Sparkline extends Region {

    private final Polyline line = new Polyline();
    private double[] values = new double[0];

    public Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        getChildren().add(line);
        setMinHeight(24);
        setPrefHeight(48);
    }

    /** Shows {@code series}; NaN values are left out of the scale and drawn at the bottom. */
    public void setValues(double[] series) {
        values = series.clone();
        requestLayout();
    }

    public double[] getValues() {
        return values.clone();
    }

    /** How many points the line has; what a test can check without reading pixels. */
    public int points() {
        return line.getPoints().size() / 2;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        double min = Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(1);
        double range = max > min ? max - min : 1;
        Double[] points = new Double[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            double v = Double.isNaN(values[i]) ? min : values[i];
            points[2 * i] = snappedLeftInset() + (values.length == 1 ? width / 2 : width * i / (values.length - 1));
            points[2 * i + 1] = snappedTopInset() + height - height * (v - min) / range;
        }
        line.getPoints().setAll(points);
    }
}
