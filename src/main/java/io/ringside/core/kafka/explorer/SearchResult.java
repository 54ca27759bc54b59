package io.ringside.core.kafka.explorer;

import java.time.Duration;
import java.util.Locale;

/**
 * How a search ended: the last counts, whether it was cancelled or stopped at {@code keep} matches,
 * and when the first match came (null when none did).
 */
public record SearchResult(SearchProgress progress, int keep, boolean cancelled, boolean stoppedAtLimit,
                           Duration firstMatchAfter) {

    /** True when more matched than were kept: the caller saw only the first {@link #keep()}. */
    public boolean truncated() {
        return progress.matched() > progress.kept() || stoppedAtLimit;
    }

    public String summary() {
        SearchProgress p = progress;
        String how = cancelled ? "cancelled after" : stoppedAtLimit ? "stopped at the limit after" : "scanned";
        String kept = truncated() ? String.format(Locale.ROOT, " (showing the first %,d)", p.kept()) : "";
        return String.format(Locale.ROOT, "%s %,d of %,d messages, %,d matched%s in %.1f s (%,.0f msg/s)", how,
                p.scanned(), p.total(), p.matched(), kept, p.elapsed().toMillis() / 1000.0, p.ratePerSecond());
    }
}
