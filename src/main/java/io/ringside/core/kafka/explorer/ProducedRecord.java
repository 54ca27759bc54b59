package io.ringside.core.kafka.explorer;

import java.time.Instant;

/** Where Kafka stored a produced record. */
public record ProducedRecord(String topic, int partition, long offset, Instant timestamp) {
}
