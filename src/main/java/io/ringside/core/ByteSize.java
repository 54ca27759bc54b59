package io.ringside.core;

import java.util.Locale;

/**
 * The one way Ringside writes an amount of bytes, in the CLI and the console alike: decimal units
 * (1 MB = 10^6 bytes, as disks, networks and the {@code --rate} option in MB/s count), one decimal
 * from kB on. Two writers that each picked their own base once showed the same file as 25.2 MB in
 * one place and 26.4 MB in the other.
 */
public final class ByteSize {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
    private static final double BASE = 1000;

    private ByteSize() {
    }

    /** {@code 26412236} as {@code 26.4 MB}; {@code 512} as {@code 512 B}. */
    public static String format(double bytes) {
        int unit = unitOf(bytes);
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", scaled(bytes, unit), UNITS[unit]);
    }

    /**
     * A part of a whole in the whole's unit, the unit written once: {@code 13.2 / 26.4 MB},
     * {@code 0.5 / 26.4 MB}. "512.0 kB / 26.4 MB" said two units and was wider than the Jobs table's
     * column in a 1024 px window.
     */
    public static String formatPart(double part, double whole) {
        int unit = unitOf(whole);
        return String.format(Locale.ROOT, unit == 0 ? "%.0f / %.0f %s" : "%.1f / %.1f %s", scaled(part, unit),
                scaled(whole, unit), UNITS[unit]);
    }

    /** The unit {@code bytes} is written in; rounds first so that 999,950 bytes reads 1.0 MB rather than 1000.0 kB. */
    private static int unitOf(double bytes) {
        double value = Math.max(0, bytes);
        int unit = 0;
        while (unit < UNITS.length - 1 && Math.round(value * 10) / 10.0 >= BASE) {
            value /= BASE;
            unit++;
        }
        return unit;
    }

    private static double scaled(double bytes, int unit) {
        return Math.max(0, bytes) / Math.pow(BASE, unit);
    }
}
