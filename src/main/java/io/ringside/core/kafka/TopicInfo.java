package io.ringside.core.kafka;

/**
 * One topic as the Streams screen lists it. {@code retentionMs} is -1 for unlimited retention;
 * {@code sizeBytes} sums the log sizes of every replica the brokers report (so RF 2 counts twice).
 */
public record TopicInfo(String name, int partitions, int replicationFactor, long retentionMs, long sizeBytes) {
}
