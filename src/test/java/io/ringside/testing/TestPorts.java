package io.ringside.testing;

import io.ringside.core.stack.StackOptions;
import java.nio.file.Path;

/**
 * The one list of where tests open server ports. Each slot is a port offset over the stack's
 * defaults (Redis 6379, storage 7000, JMX 7199, CQL 9042, Kafka 9092/9093), wide enough for a stack
 * of two nodes with a Redis Cluster of three masters and three replicas (and their bus ports, +10000) and three
 * Kafka brokers (9092-9097), and every slot stays below
 * Linux's ephemeral range (32768-60999), where an outgoing connection may hold a port between our
 * check and the server's bind. Slots are {@value #STEP} apart from {@value #FIRST_OFFSET} on: a
 * spacing at which no port of one slot comes near a port of another or of a developer's own stack
 * on the defaults ({@code TestPortsTest} checks it). A new test that needs ports adds a slot at the
 * end. A port that is taken anyway still moves up to the next free one, as in every stack.
 */
public enum TestPorts {
    SHARED_STACK,
    SECURE_STACK,
    TWO_NODE_STACK,
    LIFECYCLE_STACK,
    REDIS_CLUSTER_STACK,
    KAFKA_DOWN_STACK,
    REDIS_CLUSTER_SCAN,
    REDIS_CLUSTER_PROFILE,
    AUDIT_DEAD_KAFKA,
    CACHE_REDIS_OUTAGE,
    CLUSTER_MASTERS_DEAD_SEEDS,
    REDIS_CONSOLE_CLUSTER,
    SSH_TUNNEL,
    REDIS_SENTINEL,
    KAFKA_BROKERS,
    CASSANDRA_DCS;

    static final int FIRST_OFFSET = 4_500;
    static final int STEP = 750;

    public int offset() {
        return FIRST_OFFSET + ordinal() * STEP;
    }

    /** A stack's options with this slot's ports. */
    public StackOptions stack(Path dataFolder) {
        return StackOptions.defaults(dataFolder).withPortOffset(offset());
    }

    /** This slot's ports without a data folder, for tests that run servers of their own on them. */
    public StackOptions ports() {
        return stack(Path.of(""));
    }
}
