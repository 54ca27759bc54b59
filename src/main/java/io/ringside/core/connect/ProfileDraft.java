package io.ringside.core.connect;

import io.ringside.core.RingsideException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A profile being put together from connection strings, a Kafka client {@code .properties} file
 * and SSH hops, with the passwords they carried kept apart: {@link #saveTo} writes the profile to
 * the profiles file and the passwords to the {@link SecretStore} only.
 */
public final class ProfileDraft {

    private static final Pattern HOP = Pattern.compile("([^@\\s]+)@([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?");

    private ConnectionProfile profile;
    private final Map<SecretKind, char[]> secrets = new EnumMap<>(SecretKind.class);
    private final List<String> notes = new ArrayList<>();

    public ProfileDraft(ConnectionProfile start) {
        this.profile = start;
    }

    /**
     * A new profile as the dialog's New starts one: every backend on 127.0.0.1 at its standard port,
     * until a connection string names it.
     */
    public static ConnectionProfile defaults(String id, String name) {
        return new ConnectionProfile(id, name, "#0969da", false,
                new ConnectionProfile.Cassandra(List.of("127.0.0.1:9042"), "datacenter1", null, null, null),
                new ConnectionProfile.Redis("127.0.0.1", 6379, null, null, 0, null),
                new ConnectionProfile.Kafka("127.0.0.1:9092", null, null, null));
    }

    /** Applies a connection string (see {@link ConnectionStrings}); the backend it names is replaced. */
    public ProfileDraft url(String text) {
        ConnectionStrings.apply(this, text);
        return this;
    }

    /** Applies a Kafka client configuration (see {@link KafkaClientProperties}). */
    public ProfileDraft kafkaProperties(Path file) {
        KafkaClientProperties.apply(this, file);
        return this;
    }

    public ProfileDraft ssh(ConnectionProfile.Ssh ssh) {
        profile = new ConnectionProfile(profile.id(), profile.name(), profile.color(), profile.readOnly(),
                profile.cassandra(), profile.redis(), profile.kafka(), ssh);
        return this;
    }

    public ProfileDraft readOnly(boolean readOnly, String color) {
        profile = new ConnectionProfile(profile.id(), profile.name(), color == null ? profile.color() : color, readOnly,
                profile.cassandra(), profile.redis(), profile.kafka(), profile.ssh());
        return this;
    }

    /**
     * One SSH hop from {@code user@host[:port]}: key authentication when a key file is given, else
     * the SSH agent.
     *
     * @param option what the text came from, for the error (e.g. {@code --ssh})
     */
    public static ConnectionProfile.SshHop hop(String text, String option, String keyFile) {
        Matcher m = HOP.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new RingsideException(option + " '" + text + "': expected user@host or user@host:port");
        }
        int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new RingsideException(option + " '" + text + "': the port " + port + " is not from 1 to 65535");
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        boolean key = keyFile != null && !keyFile.isBlank();
        return new ConnectionProfile.SshHop(host, port, m.group(1),
                key ? ConnectionProfile.SshAuth.KEY : ConnectionProfile.SshAuth.AGENT, key ? keyFile : null);
    }

    /**
     * One SSH hop from {@code user@host[:port]} that logs in with a password, which is kept with
     * the other passwords until {@link #saveTo}.
     *
     * @param hop 1 for the first hop (the jump host when there are two), 2 for the second
     */
    public ConnectionProfile.SshHop passwordHop(String text, String option, int hop, String password) {
        if (password == null || password.isEmpty()) {
            throw new RingsideException(option + ": no password given");
        }
        ConnectionProfile.SshHop parsed = hop(text, option, null);
        secret(hop == 1 ? SecretKind.SSH_PASSWORD : SecretKind.SSH2_PASSWORD, password);
        return new ConnectionProfile.SshHop(parsed.host(), parsed.port(), parsed.user(),
                ConnectionProfile.SshAuth.PASSWORD, null);
    }

    void cassandra(ConnectionProfile.Cassandra cassandra, String password) {
        profile = new ConnectionProfile(profile.id(), profile.name(), profile.color(), profile.readOnly(), cassandra,
                profile.redis(), profile.kafka(), profile.ssh());
        secret(SecretKind.CASSANDRA_PASSWORD, password);
    }

    void redis(ConnectionProfile.Redis redis, String password) {
        profile = new ConnectionProfile(profile.id(), profile.name(), profile.color(), profile.readOnly(),
                profile.cassandra(), redis, profile.kafka(), profile.ssh());
        secret(SecretKind.REDIS_PASSWORD, password);
    }

    void kafka(ConnectionProfile.Kafka kafka, String password) {
        profile = new ConnectionProfile(profile.id(), profile.name(), profile.color(), profile.readOnly(),
                profile.cassandra(), profile.redis(), kafka, profile.ssh());
        secret(SecretKind.KAFKA_PASSWORD, password);
    }

    void secret(SecretKind kind, String value) {
        if (value != null && !value.isEmpty()) {
            secrets.put(kind, value.toCharArray());
        }
    }

    void note(String note) {
        notes.add(note);
    }

    public ConnectionProfile profile() {
        return profile;
    }

    /** The passwords the strings and files carried, by kind; never part of {@link #profile()}. */
    public Map<SecretKind, char[]> secrets() {
        return secrets;
    }

    /** What was read but not kept (e.g. a Kafka setting Ringside has no field for), for the operator. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Saves the profile to {@code store} and its passwords to {@code secretStore}, then wipes them here. */
    public ConnectionProfile saveTo(ProfileStore store, SecretStore secretStore) {
        store.save(profile);
        try {
            secrets.forEach((kind, secret) -> secretStore.put(profile.id(), kind, secret));
        } finally {
            secrets.values().forEach(secret -> java.util.Arrays.fill(secret, '\0'));
            secrets.clear();
        }
        return profile;
    }
}
