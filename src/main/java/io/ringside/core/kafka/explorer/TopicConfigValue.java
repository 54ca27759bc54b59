package io.ringside.core.kafka.explorer;

/**
 * One config of a topic. {@code overridden} is true when the value was set for this topic (or its
 * broker), i.e. differs from Kafka's default; sensitive values come back null from the broker.
 */
public record TopicConfigValue(String name, String value, boolean overridden, boolean readOnly, boolean sensitive,
                               String source) {
}
