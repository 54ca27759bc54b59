package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Nodes tab charts' time axis: from the first sample, growing, then scrolling. No FX, no servers. */
class TimeAxisSpanTest {

    private static final Instant FIRST = Instant.parse("2026-12-07T10:37:23Z");
    private static final double WINDOW = NodeChart.WINDOW_MINUTES;
    private static final int TICK = NodeChart.TICK_MINUTES;
    private static final double STEP = TimeAxisSpan.STEP_MINUTES;

    @Test
    void aFirstSampleStartsTheAxisWithTwoMinutesToItsRight() {
        TimeAxisSpan span = TimeAxisSpan.of(FIRST, FIRST, WINDOW, TICK);

        assertEquals(TimeAxisSpan.minutes(FIRST), span.lower(), 1e-9, "the line starts at the left edge");
        assertEquals(TimeAxisSpan.minutes(FIRST) + 2, span.upper(), 1e-9, "room for the next minutes' line");
        assertEquals(1, span.labelEvery(), "a short span is labelled every minute");
    }

    @Test
    void theAxisGrowsFromTheFirstSampleToTheLatestUntilTheWindowIsFull() {
        Instant latest = FIRST.plus(Duration.ofMinutes(3));
        TimeAxisSpan early = TimeAxisSpan.of(FIRST, latest, WINDOW, TICK);
        assertEquals(TimeAxisSpan.minutes(FIRST), early.lower(), 1e-9);
        assertEquals(TimeAxisSpan.minutes(latest) + STEP, early.upper(), 1e-9, "the line ends near the right edge");
        assertEquals(1, early.labelEvery());

        Instant later = FIRST.plus(Duration.ofSeconds(595));
        TimeAxisSpan full = TimeAxisSpan.of(FIRST, later, WINDOW, TICK);
        assertEquals(TimeAxisSpan.minutes(FIRST), full.lower(), 1e-9);
        assertEquals(TimeAxisSpan.minutes(later) + STEP, full.upper(), 1e-9);
        assertEquals(TICK, full.labelEvery(), "a longer one every two minutes");
    }

    @Test
    void samplesSpreadWiderThanTheWindowShowItsLastMinutesOnly() {
        Instant latest = FIRST.plus(Duration.ofMinutes(40));
        TimeAxisSpan span = TimeAxisSpan.of(FIRST, latest, WINDOW, TICK);

        assertEquals(TimeAxisSpan.minutes(latest) + STEP - WINDOW, span.lower(), 1e-9);
        assertEquals(TimeAxisSpan.minutes(latest) + STEP, span.upper(), 1e-9);
    }

    @Test
    void onlyWholeMultiplesOfTheLabelStepAreLabelledNotTheBounds() {
        TimeAxisSpan span = new TimeAxisSpan(101.4, 108.9, 2);

        assertTrue(span.labelled(102) && span.labelled(108));
        assertFalse(span.labelled(103), "an odd minute, ticked but not labelled");
        assertFalse(span.labelled(101.4) || span.labelled(108.9), "the bounds between minutes");
        assertTrue(new TimeAxisSpan(101.4, 104, 1).labelled(103));
    }

    @Test
    void theAxisMovesAboutOnceInSixSamplesNotAtEverySample() {
        // twenty minutes of five-second samples, the last ten minutes kept, as the Nodes tab's view-model does
        java.util.ArrayDeque<Instant> kept = new java.util.ArrayDeque<>();
        TimeAxisSpan span = null;
        int ranged = 0;
        for (int seconds = 0; seconds <= 1200; seconds += 5) {
            kept.addLast(FIRST.plusSeconds(seconds));
            while (Duration.between(kept.peekFirst(), kept.peekLast()).toSeconds() > 600) {
                kept.removeFirst();
            }
            TimeAxisSpan next = TimeAxisSpan.next(span, kept.peekFirst(), kept.peekLast(), WINDOW, TICK);
            if (next != span) {
                ranged++;
            }
            span = next;
            double latest = TimeAxisSpan.minutes(kept.peekLast());
            double oldest = TimeAxisSpan.minutes(kept.peekFirst());
            assertTrue(span.lower() <= oldest && oldest - span.lower() < STEP, "the oldest sample near the left edge");
            assertTrue(latest <= span.upper() && span.upper() - latest <= STEP + 1e-9 || span.upper() - span.lower() == 2,
                    "the latest sample near the right edge, once the axis is past its first two minutes");
        }
        assertTrue(ranged <= 241 / 6 + 2, "ranged " + ranged + " times for 241 samples");
    }
}
