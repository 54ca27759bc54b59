package io.ringside.core.data.pm25;

import java.time.LocalDate;

/** The first and last day stored for a location, both inclusive. */
public record DateSpan(LocalDate first, LocalDate last) {
}
