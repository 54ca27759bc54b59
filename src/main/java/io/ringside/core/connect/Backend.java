package io.ringside.core.connect;

/** The three servers a profile connects to. */
public enum Backend {
    CASSANDRA("Cassandra"), REDIS("Redis"), KAFKA("Kafka");

    private final String label;

    Backend(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
