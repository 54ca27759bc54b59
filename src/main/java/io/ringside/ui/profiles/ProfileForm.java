package io.ringside.ui.profiles;

import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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

    /**
     * One SSH hop's fields. {@link #secret} is the password for {@code PASSWORD} or the key's
     * passphrase for {@code KEY}; like every typed secret it goes to the secret store only.
     */
    public static final class SshHopFields {
        public final BooleanProperty enabled = new SimpleBooleanProperty();
        public final StringProperty host = new SimpleStringProperty("");
        public final StringProperty port = new SimpleStringProperty("22");
        public final StringProperty user = new SimpleStringProperty("");
        public final ObjectProperty<ConnectionProfile.SshAuth> auth =
                new SimpleObjectProperty<>(ConnectionProfile.SshAuth.KEY);
        public final StringProperty keyFile = new SimpleStringProperty("");
        public final StringProperty secret = new SimpleStringProperty("");

        void load(ConnectionProfile.SshHop hop) {
            enabled.set(hop != null);
            host.set(hop == null ? "" : text(hop.host()));
            port.set(hop == null ? "22" : Integer.toString(hop.port()));
            user.set(hop == null ? "" : text(hop.user()));
            auth.set(hop == null ? ConnectionProfile.SshAuth.KEY : hop.auth());
            keyFile.set(hop == null ? "" : text(hop.keyFile()));
            secret.set("");
        }

        ConnectionProfile.SshHop toHop(String label) {
            if (host.get().isBlank()) {
                throw new IllegalArgumentException(label + " host: required when the tunnel is on");
            }
            if (!host.get().trim().matches("[A-Za-z0-9._:\\[\\]-]+")) {
                throw new IllegalArgumentException(label + " host: '" + host.get().trim() + "' is not a host name or address");
            }
            if (user.get().isBlank()) {
                throw new IllegalArgumentException(label + " user: required");
            }
            ConnectionProfile.SshAuth how = auth.get() == null ? ConnectionProfile.SshAuth.KEY : auth.get();
            if (how == ConnectionProfile.SshAuth.KEY && keyFile.get().isBlank()) {
                throw new IllegalArgumentException(label + " key file: required for key authentication "
                        + "(or choose the SSH agent)");
            }
            return new ConnectionProfile.SshHop(host.get().trim(), number(label + " port", port.get(), 1, 65535),
                    user.get().trim(), how, how == ConnectionProfile.SshAuth.KEY ? keyFile.get().trim() : null);
        }

        void putSecret(Map<SecretKind, char[]> typed, SecretKind password, SecretKind passphrase) {
            if (!enabled.get() || auth.get() == ConnectionProfile.SshAuth.AGENT) {
                return;
            }
            put(typed, auth.get() == ConnectionProfile.SshAuth.PASSWORD ? password : passphrase, secret);
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
    public final StringProperty redisSentinels = new SimpleStringProperty("");
    public final StringProperty redisSentinelMaster = new SimpleStringProperty("");
    /** The sentinels ask for a password of their own; {@link #redisSentinelPassword} is it. */
    public final BooleanProperty redisSentinelAuth = new SimpleBooleanProperty();
    public final StringProperty redisSentinelPassword = new SimpleStringProperty("");
    public final TlsFields redisTls = new TlsFields();

    public final StringProperty kafkaBootstrap = new SimpleStringProperty("");
    public final StringProperty kafkaSaslMechanism = new SimpleStringProperty("");
    public final StringProperty kafkaUsername = new SimpleStringProperty("");
    public final StringProperty kafkaPassword = new SimpleStringProperty("");
    public final TlsFields kafkaTls = new TlsFields();

    /** The tunnel is on when {@code sshHop1.enabled}; the second hop is reached through the first. */
    public final SshHopFields sshHop1 = new SshHopFields();
    public final SshHopFields sshHop2 = new SshHopFields();

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
        redisSentinels.set(String.join(", ", profile.redis().sentinels()));
        redisSentinelMaster.set(text(profile.redis().sentinelMaster()));
        redisSentinelAuth.set(profile.redis().sentinelAuth());
        redisTls.load(profile.redis().tls());
        kafkaBootstrap.set(text(profile.kafka().bootstrapServers()));
        kafkaSaslMechanism.set(text(profile.kafka().saslMechanism()));
        kafkaUsername.set(text(profile.kafka().username()));
        kafkaTls.load(profile.kafka().tls());
        List<ConnectionProfile.SshHop> hops = profile.ssh().hops();
        sshHop1.load(hops.isEmpty() ? null : hops.get(0));
        sshHop2.load(hops.size() < 2 ? null : hops.get(1));
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
        List<String> sentinels = list(redisSentinels.get());
        for (String sentinel : sentinels) {
            hostPort("Redis sentinels", sentinel);
        }
        String master = blankToNull(redisSentinelMaster.get());
        if (!sentinels.isEmpty() && master == null) {
            throw new IllegalArgumentException("Sentinel master: the name the sentinels watch is required with sentinels");
        }
        if (sentinels.isEmpty() && master != null) {
            throw new IllegalArgumentException("Redis sentinels: a master name needs at least one sentinel (host:port)");
        }
        if (!sentinels.isEmpty() && !list(redisClusterSeeds.get()).isEmpty()) {
            throw new IllegalArgumentException("Redis sentinels: a profile names either cluster seeds or sentinels, not both");
        }
        List<ConnectionProfile.SshHop> hops = new java.util.ArrayList<>();
        if (sshHop2.enabled.get() && !sshHop1.enabled.get()) {
            throw new IllegalArgumentException("SSH hop 2: turn the tunnel on (hop 1) first; hop 2 is reached through it");
        }
        if (sshHop1.enabled.get()) {
            hops.add(sshHop1.toHop("SSH hop 1"));
            if (sshHop2.enabled.get()) {
                hops.add(sshHop2.toHop("SSH hop 2"));
            }
        }
        return new ConnectionProfile(id, name.get().trim(), color.get(), readOnly.get(),
                new ConnectionProfile.Cassandra(list(cassandraContactPoints.get()), cassandraLocalDc.get().trim(),
                        blankToNull(cassandraKeyspace.get()), blankToNull(cassandraUsername.get()), cassandraTls.toTls()),
                new ConnectionProfile.Redis(blankToNull(redisHost.get()), number("Redis port", redisPort.get(), 1, 65535),
                        list(redisClusterSeeds.get()), blankToNull(redisUsername.get()),
                        number("Redis database", redisDatabase.get(), 0, 15), redisTls.toTls(), sentinels, master,
                        !sentinels.isEmpty() && redisSentinelAuth.get()),
                new ConnectionProfile.Kafka(blankToNull(kafkaBootstrap.get()), blankToNull(kafkaSaslMechanism.get()),
                        blankToNull(kafkaUsername.get()), kafkaTls.toTls()),
                new ConnectionProfile.Ssh(hops));
    }

    private static void hostPort(String field, String text) {
        try {
            Backends.address(text, 26379);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not host:port");
        }
    }

    /** The secrets typed into the form (empty fields are left out: the stored secret stays). */
    public Map<SecretKind, char[]> typedSecrets() {
        Map<SecretKind, char[]> typed = new EnumMap<>(SecretKind.class);
        put(typed, SecretKind.CASSANDRA_PASSWORD, cassandraPassword);
        put(typed, SecretKind.CASSANDRA_KEY_STORE, cassandraTls.clientCertPassword);
        put(typed, SecretKind.REDIS_PASSWORD, redisPassword);
        put(typed, SecretKind.REDIS_KEY_STORE, redisTls.clientCertPassword);
        if (redisSentinelAuth.get()) {
            put(typed, SecretKind.REDIS_SENTINEL_PASSWORD, redisSentinelPassword);
        }
        put(typed, SecretKind.KAFKA_PASSWORD, kafkaPassword);
        put(typed, SecretKind.KAFKA_KEY_STORE, kafkaTls.clientCertPassword);
        sshHop1.putSecret(typed, SecretKind.SSH_PASSWORD, SecretKind.SSH_KEY_PASSPHRASE);
        if (sshHop1.enabled.get()) {
            sshHop2.putSecret(typed, SecretKind.SSH2_PASSWORD, SecretKind.SSH2_KEY_PASSPHRASE);
        }
        return typed;
    }

    public void clearSecrets() {
        for (StringProperty secret : List.of(cassandraPassword, cassandraTls.clientCertPassword, redisPassword,
                redisTls.clientCertPassword, redisSentinelPassword, kafkaPassword, kafkaTls.clientCertPassword, sshHop1.secret, sshHop2.secret)) {
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
