package io.ringside.core.kafka;

/** One record seen by a {@link TopicTail}; {@code value} decoded as UTF-8 (the topics carry JSON). */
public record TailRecord(String topic, int partition, long offset, long timestamp, String key, String value) {
}
