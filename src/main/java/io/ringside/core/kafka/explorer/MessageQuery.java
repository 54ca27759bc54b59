package io.ringside.core.kafka.explorer;

/**
 * One page of the message browser: {@code limit} records of one partition (or all when
 * {@code partition} is null) from {@code from}, oldest first (the records at and after it) or
 * newest first (the records before it; from the end: the newest of the topic). Values longer than
 * {@code previewBytes} are cut.
 */
public record MessageQuery(String topic, Integer partition, Position from, boolean newestFirst, int limit,
                           int previewBytes) {

    public static final int DEFAULT_PREVIEW = 16 * 1024;

    public MessageQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be at least 1, got " + limit);
        }
    }

    public static MessageQuery oldest(String topic, int limit) {
        return new MessageQuery(topic, null, Position.beginning(), false, limit, DEFAULT_PREVIEW);
    }

    public static MessageQuery newest(String topic, int limit) {
        return new MessageQuery(topic, null, Position.end(), true, limit, DEFAULT_PREVIEW);
    }
}
