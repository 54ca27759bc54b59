package io.ringside.core.kafka.explorer;

import java.nio.charset.StandardCharsets;

/** A record header; the value may be null. */
public record MessageHeader(String key, byte[] value) {

    public static MessageHeader text(String key, String value) {
        return new MessageHeader(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code key=value}, the value as UTF-8. */
    public static MessageHeader parse(String keyEqualsValue) {
        int eq = keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("A header is key=value, got '" + keyEqualsValue + "'");
        }
        return text(keyEqualsValue.substring(0, eq), keyEqualsValue.substring(eq + 1));
    }

    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
