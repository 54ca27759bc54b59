package io.ringside.core.connect;

/** The secrets a profile may need; each is stored under the profile's id and {@link #key()}. */
public enum SecretKind {
    CASSANDRA_PASSWORD("cassandra.password", "Cassandra password"),
    CASSANDRA_KEY_STORE("cassandra.tls.key-store", "Cassandra client certificate password"),
    REDIS_PASSWORD("redis.password", "Redis password"),
    REDIS_KEY_STORE("redis.tls.key-store", "Redis client certificate password"),
    REDIS_SENTINEL_PASSWORD("redis.sentinel.password", "Redis sentinel password"),
    KAFKA_PASSWORD("kafka.password", "Kafka SASL password"),
    KAFKA_KEY_STORE("kafka.tls.key-store", "Kafka client certificate password"),
    SSH_PASSWORD("ssh.password", "SSH password"),
    SSH_KEY_PASSPHRASE("ssh.key-passphrase", "SSH key passphrase"),
    SSH2_PASSWORD("ssh2.password", "Second SSH hop password"),
    SSH2_KEY_PASSPHRASE("ssh2.key-passphrase", "Second SSH hop key passphrase");

    private final String key;
    private final String label;

    SecretKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
