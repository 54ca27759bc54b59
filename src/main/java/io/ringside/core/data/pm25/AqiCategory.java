package io.ringside.core.data.pm25;

/**
 * The US EPA (2024) categories of a 24-hour PM2.5 mean in µg/m³. Bounds are the published upper
 * limits; a value between two published figures (9.05) belongs to the lower category, as the EPA
 * truncates to one decimal before looking a value up.
 */
public enum AqiCategory {
    GOOD("Good", 0, 9.0),
    MODERATE("Moderate", 9.1, 35.4),
    SENSITIVE("Unhealthy for sensitive groups", 35.5, 55.4),
    UNHEALTHY("Unhealthy", 55.5, 125.4),
    VERY_UNHEALTHY("Very unhealthy", 125.5, 225.4),
    HAZARDOUS("Hazardous", 225.5, Double.POSITIVE_INFINITY);

    private final String label;
    private final double low;
    private final double high;

    AqiCategory(String label, double low, double high) {
        this.label = label;
        this.low = low;
        this.high = high;
    }

    public String label() {
        return label;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public static AqiCategory of(double pm25) {
        double truncated = Math.floor(pm25 * 10) / 10;
        for (AqiCategory category : values()) {
            if (truncated <= category.high) {
                return category;
            }
        }
        return HAZARDOUS;
    }
}
