package io.ringside.core.connect;

import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackSecurity;
import io.ringside.core.stack.StackState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The built-in {@code local} profile as the running stack needs it. A plain stack takes the
 * profile as it is; a secure one ({@code stack up --secure}) adds what its state file records: TLS
 * trusting the generated CA, the stack's user on all three servers (Kafka over SASL PLAIN), and the
 * password read from the stack's credentials file, which only its owner can read. So the console,
 * the CLI and the data services work on a secure local stack without a profile to set up.
 */
public final class LocalStackProfile {

    private LocalStackProfile() {
    }

    static ConnectionProfile of(StackState state) {
        ConnectionProfile local = withLocalDatacenter(ConnectionProfile.local(), state.localDatacenter());
        StackState.Security security = state.security();
        if (security == null) {
            return state.redisSentinel() == null ? local : withSentinels(local, state);
        }
        ConnectionProfile.Tls tls = new ConnectionProfile.Tls(true, security.caFile(), null);
        return new ConnectionProfile(local.id(), local.name(), local.color(), false,
                new ConnectionProfile.Cassandra(local.cassandra().contactPoints(), local.cassandra().localDatacenter(),
                        null, security.username(), tls),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), List.of(), security.username(), 0,
                        security.redisTls() ? tls : ConnectionProfile.Tls.OFF),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), security.kafkaSaslMechanism(), security.username(),
                        tls));
    }

    /**
     * The local profile with the data centre of the stack's node 1 ({@code dc1} on a stack of two data
     * centres): the driver routes to that data centre's nodes only and LOCAL_QUORUM counts its replicas.
     */
    private static ConnectionProfile withLocalDatacenter(ConnectionProfile local, String datacenter) {
        ConnectionProfile.Cassandra cassandra = local.cassandra();
        if (datacenter.equals(cassandra.localDatacenter())) {
            return local;
        }
        return new ConnectionProfile(local.id(), local.name(), local.color(), local.readOnly(),
                new ConnectionProfile.Cassandra(cassandra.contactPoints(), datacenter, cassandra.keyspace(),
                        cassandra.username(), cassandra.tls()),
                local.redis(), local.kafka(), local.ssh());
    }

    /**
     * The plain local profile on a stack with a Sentinel group ({@code stack up --redis-sentinel}):
     * Redis through its sentinels, so the console and the data services follow a failover.
     */
    private static ConnectionProfile withSentinels(ConnectionProfile local, StackState state) {
        StackState.RedisSentinel group = state.redisSentinel();
        return new ConnectionProfile(local.id(), local.name(), local.color(), false, local.cassandra(),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), List.of(), null, 0,
                        ConnectionProfile.Tls.OFF, group.sentinelAddresses(), group.masterName()),
                local.kafka(), local.ssh());
    }

    /**
     * What a stored copy of {@code local} needs to reach the same stack: its recorded endpoints
     * and, on a secure stack, the TLS and user of {@link #of}. No password: the stack keeps it in
     * its owner-only credentials file, and a stored profile's password lives in the secret store.
     */
    static ConnectionProfile asStored(StackState state) {
        ConnectionProfile local = of(state);
        List<String> contactPoints = state.cassandra().nodes().stream()
                .map(node -> node.address() + ":" + node.port()).toList();
        ConnectionProfile.Cassandra cassandra = local.cassandra();
        ConnectionProfile.Redis redis = local.redis();
        return new ConnectionProfile(local.id(), local.name(), local.color(), false,
                new ConnectionProfile.Cassandra(contactPoints, cassandra.localDatacenter(), cassandra.keyspace(),
                        cassandra.username(), cassandra.tls()),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), List.of(), redis.username(),
                        redis.database(), redis.tls(), redis.sentinels(), redis.sentinelMaster()),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), local.kafka().saslMechanism(),
                        local.kafka().username(), local.kafka().tls()));
    }

    /**
     * The built-in local profile as a stored copy of it would be (the Connections dialog's Clone),
     * from the stack recorded in {@code dataFolder}; the defaults when it has none.
     */
    public static ConnectionProfile asStored(Path dataFolder) {
        return new StackClient(dataFolder).status().map(LocalStackProfile::asStored).orElseGet(ConnectionProfile::local);
    }

    /** {@code others} for every profile but {@code local}, whose passwords come from a secure stack's file. */
    static SecretStore secrets(StackState state, SecretStore others) {
        StackState.Security security = state.security();
        return security == null ? others : new StackCredentials(Path.of(security.credentialsFile()), others);
    }

    /** The local profile's passwords from the secure stack's credentials file, read at each login. */
    private record StackCredentials(Path file, SecretStore others) implements SecretStore {

        @Override
        public Optional<char[]> get(String profileId, SecretKind kind) {
            boolean password = kind == SecretKind.CASSANDRA_PASSWORD || kind == SecretKind.REDIS_PASSWORD
                    || kind == SecretKind.KAFKA_PASSWORD;
            if (ConnectionProfile.LOCAL.equals(profileId) && password) {
                return Optional.of(StackSecurity.read(file).password());
            }
            return others.get(profileId, kind);
        }

        @Override
        public void put(String profileId, SecretKind kind, char[] secret) {
            others.put(profileId, kind, secret);
        }

        @Override
        public void delete(String profileId, SecretKind kind) {
            others.delete(profileId, kind);
        }

        @Override
        public String description() {
            return "the local stack's passwords from " + file + "; " + others.description();
        }

        @Override
        public boolean persistent() {
            return others.persistent();
        }
    }
}
