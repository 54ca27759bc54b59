package io.ringside.ui.profiles;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editable fields of one profile, as text the dialog binds to, and the conversion to and from
 * {@link ConnectionProfile}. Password fields are held only until the profile is saved or tested,
 * then cleared; they never become part of the profile record.
 */
public final class ProfileForm {

    /** One backend's TLS fields. */
    public static final class TlsFields {
        public final BooleanProperty enabled = new SimpleBooleanProperty();
        public final StringProperty trustFile = new SimpleStringProperty("");
        public final StringProperty clientCertFile = new SimpleStringProperty("");
        public final StringProperty clientCertPassword = new SimpleStringProperty("");

        void load(ConnectionProfile.Tls tls) {
            enabled.set(tls.enabled());
            trustFile.set(text(tls.trustFile()));
            clientCertFile.set(text(tls.clientCertFile()));
            clientCertPassword.set("");
        }

        ConnectionProfile.Tls toTls() {
            return new ConnectionProfile.Tls(enabled.get(), blankToNull(trustFile.get()), blankToNull(clientCertFile.get()));
        }
    }

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty color = new SimpleStringProperty("#0969da");
    public final BooleanProperty readOnly = new SimpleBooleanProperty();

    public final StringProperty cassandraContactPoints = new SimpleStringProperty("");
    public final StringProperty cassandraLocalDc = new SimpleStringProperty("datacenter1");
    public final StringProperty cassandraKeyspace = new SimpleStringProperty("");
    public final StringProperty cassandraUsername = new SimpleStringProperty("");
    public final StringProperty cassandraPassword = new SimpleStringProperty("");
    public final TlsFields cassandraTls = new TlsFields();

    public final StringProperty redisHost = new SimpleStringProperty("");
    public final StringProperty redisPort = new SimpleStringProperty("6379");
    public final StringProperty redisClusterSeeds = new SimpleStringProperty("");
    public final StringProperty redisUsername = new SimpleStringProperty("");
    public final StringProperty redisPassword = new SimpleStringProperty("");
    public final StringProperty redisDatabase = new SimpleStringProperty("0");
    public final TlsFields redisTls = new TlsFields();

    public final StringProperty kafkaBootstrap = new SimpleStringProperty("");
    public final StringProperty kafkaSaslMechanism = new SimpleStringProperty("");
    public final StringProperty kafkaUsername = new SimpleStringProperty("");
    public final StringProperty kafkaPassword = new SimpleStringProperty("");
    public final TlsFields kafkaTls = new TlsFields();

    public void load(ConnectionProfile profile) {
        name.set(profile.name());
        color.set(profile.color());
        readOnly.set(profile.readOnly());
        cassandraContactPoints.set(String.join(", ", profile.cassandra().contactPoints()));
        cassandraLocalDc.set(profile.cassandra().localDatacenter());
        cassandraKeyspace.set(text(profile.cassandra().keyspace()));
        cassandraUsername.set(text(profile.cassandra().username()));
        cassandraTls.load(profile.cassandra().tls());
        redisHost.set(text(profile.redis().host()));
        redisPort.set(Integer.toString(profile.redis().port()));
        redisClusterSeeds.set(String.join(", ", profile.redis().clusterSeeds()));
        redisUsername.set(text(profile.redis().username()));
        redisDatabase.set(Integer.toString(profile.redis().database()));
        redisTls.load(profile.redis().tls());
        kafkaBootstrap.set(text(profile.kafka().bootstrapServers()));
        kafkaSaslMechanism.set(text(profile.kafka().saslMechanism()));
        kafkaUsername.set(text(profile.kafka().username()));
        kafkaTls.load(profile.kafka().tls());
        clearSecrets();
    }

    /**
     * The profile as typed, under {@code id}.
     *
     * @throws IllegalArgumentException naming the field that is not valid
     */
    public ConnectionProfile toProfile(String id) {
        if (name.get().isBlank()) {
            throw new IllegalArgumentException("Name: a profile needs a name");
        }
        if (!color.get().matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("Colour: '" + color.get() + "' is not #rrggbb");
        }
        return new ConnectionProfile(id, name.get().trim(), color.get(), readOnly.get(),
                new ConnectionProfile.Cassandra(list(cassandraContactPoints.get()), cassandraLocalDc.get().trim(),
                        blankToNull(cassandraKeyspace.get()), blankToNull(cassandraUsername.get()), cassandraTls.toTls()),
                new ConnectionProfile.Redis(blankToNull(redisHost.get()), number("Redis port", redisPort.get(), 1, 65535),
                        list(redisClusterSeeds.get()), blankToNull(redisUsername.get()),
                        number("Redis database", redisDatabase.get(), 0, 15), redisTls.toTls()),
                new ConnectionProfile.Kafka(blankToNull(kafkaBootstrap.get()), blankToNull(kafkaSaslMechanism.get()),
                        blankToNull(kafkaUsername.get()), kafkaTls.toTls()));
    }

    /** The secrets typed into the form (empty fields are left out: the stored secret stays). */
    public Map<SecretKind, char[]> typedSecrets() {
        Map<SecretKind, char[]> typed = new EnumMap<>(SecretKind.class);
        put(typed, SecretKind.CASSANDRA_PASSWORD, cassandraPassword);
        put(typed, SecretKind.CASSANDRA_KEY_STORE, cassandraTls.clientCertPassword);
        put(typed, SecretKind.REDIS_PASSWORD, redisPassword);
        put(typed, SecretKind.REDIS_KEY_STORE, redisTls.clientCertPassword);
        put(typed, SecretKind.KAFKA_PASSWORD, kafkaPassword);
        put(typed, SecretKind.KAFKA_KEY_STORE, kafkaTls.clientCertPassword);
        return typed;
    }

    public void clearSecrets() {
        for (StringProperty secret : List.of(cassandraPassword, cassandraTls.clientCertPassword, redisPassword,
                redisTls.clientCertPassword, kafkaPassword, kafkaTls.clientCertPassword)) {
            secret.set("");
        }
    }

    static void wipe(Map<SecretKind, char[]> secrets) {
        secrets.values().forEach(secret -> Arrays.fill(secret, '\0'));
    }

    private static void put(Map<SecretKind, char[]> typed, SecretKind kind, StringProperty field) {
        if (!field.get().isEmpty()) {
            typed.put(kind, field.get().toCharArray());
        }
    }

    private static int number(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(field + ": " + value + " is not between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a number");
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
