package io.ringside.core.kafka.explorer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One record as the browser and the search return it. The value is a preview: at most the first
 * bytes the query asked for, {@code valueSize} says how long it really is, so a page of large
 * records never holds them whole. Key and value are null for a null key or a tombstone.
 */
public record KafkaMessage(String topic, int partition, long offset, Instant timestamp, byte[] key, byte[] value,
                           int valueSize, List<MessageHeader> headers) {

    public boolean valueTruncated() {
        return value != null && value.length < valueSize;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
