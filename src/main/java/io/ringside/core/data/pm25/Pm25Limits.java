package io.ringside.core.data.pm25;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The bounds of what the PM2.5 store takes, checked where input enters (import rows, the
 * {@code --location} option, trend ranges) so that nothing outside them is stored as something
 * else or fails a whole import: days from 1900 to 2199 (the range a cached series decodes
 * without calendar arithmetic), locations of at most 256 bytes of UTF-8 (a key in Cassandra and
 * in Redis, shown on screen), and trends of at most 100 years (one cache key per location-year:
 * an absurd range would otherwise read and negatively cache thousands of empty years).
 */
public final class Pm25Limits {

    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    public static final int MAX_LOCATION_BYTES = 256;
    public static final int MAX_TREND_YEARS = 100;

    private Pm25Limits() {
    }

    /** Why {@code day} cannot be stored, or empty when it can. */
    public static Optional<String> dayProblem(LocalDate day) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            return Optional.of("date " + day + " is outside " + FIRST_DAY + " to " + LAST_DAY);
        }
        return Optional.empty();
    }

    /** Why {@code location} cannot name a series, or empty when it can. */
    public static Optional<String> locationProblem(String location) {
        int bytes = location.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LOCATION_BYTES) {
            return Optional.of(String.format(Locale.ROOT, "location is %,d bytes long (UTF-8); at most %d are allowed",
                    bytes, MAX_LOCATION_BYTES));
        }
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format(Locale.ROOT, "location holds the control character U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    /** Checks a trend's range; throws {@link IllegalArgumentException} naming the bound it breaks. */
    public static void checkTrendRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        dayProblem(from).or(() -> dayProblem(to)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem + " (the days PM2.5 series can hold)");
        });
        int years = to.getYear() - from.getYear() + 1;
        if (years > MAX_TREND_YEARS) {
            throw new IllegalArgumentException("--from " + from + " --to " + to + " covers " + years
                    + " calendar years; at most " + MAX_TREND_YEARS + " are read at once");
        }
    }
}
