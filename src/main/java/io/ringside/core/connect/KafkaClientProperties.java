package io.ringside.core.connect;

import io.ringside.core.RingsideException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Kafka part of a profile from a Kafka client {@code .properties} file, the one an
 * operator already has for {@code kafka-console-consumer --consumer.config}: bootstrap servers,
 * security protocol, SASL mechanism and user (from {@code sasl.jaas.config}), trust and key
 * stores. The SASL password and the key-store password go to the draft's secrets. Errors name the
 * file and the line of the key.
 */
public final class KafkaClientProperties {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final Set<String> READ = Set.of("bootstrap.servers", "security.protocol", "sasl.mechanism",
            "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.type", "ssl.truststore.password",
            "ssl.keystore.location", "ssl.keystore.type", "ssl.keystore.password", "ssl.key.password");

    private final Path file;
    private final List<String> lines;
    private final Properties properties = new Properties();

    private KafkaClientProperties(Path file) {
        this.file = file;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            lines = text.lines().toList();
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new RingsideException("Cannot read Kafka client properties " + file + ": " + e.getMessage(), e);
        }
    }

    static void apply(ProfileDraft draft, Path file) {
        new KafkaClientProperties(file).applyTo(draft);
    }

    private void applyTo(ProfileDraft draft) {
        String bootstrap = value("bootstrap.servers");
        if (bootstrap == null) {
            throw new RingsideException(file + ": no bootstrap.servers");
        }
        ProfileDraft probe = new ProfileDraft(draft.profile());
        try {
            ConnectionStrings.apply(probe, bootstrap.replaceAll("\\s+", ""));
        } catch (RingsideException e) {
            throw error("bootstrap.servers", e.getMessage());
        }
        String protocol = value("security.protocol");
        protocol = protocol == null ? "PLAINTEXT" : protocol.toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw error("security.protocol", "'" + protocol + "' is not one of " + PROTOCOLS);
        }
        boolean sasl = protocol.startsWith("SASL_");
        String mechanism = null;
        String user = null;
        String password = null;
        if (sasl) {
            mechanism = value("sasl.mechanism");
            mechanism = mechanism == null ? "GSSAPI" : mechanism.toUpperCase(Locale.ROOT);
            if (!MECHANISMS.contains(mechanism)) {
                throw error(value("sasl.mechanism") == null ? "security.protocol" : "sasl.mechanism", "SASL mechanism "
                        + mechanism + " is not supported (" + MECHANISMS + ")");
            }
            String jaas = value("sasl.jaas.config");
            if (jaas == null) {
                throw error("security.protocol", protocol + " needs sasl.jaas.config with username and password");
            }
            user = jaasOption(jaas, "username");
            if (user == null) {
                throw error("sasl.jaas.config", "no username=\"...\" in it");
            }
            password = jaasOption(jaas, "password");
        } else if (value("sasl.mechanism") != null || value("sasl.jaas.config") != null) {
            draft.note(file + ": sasl.* ignored: security.protocol is " + protocol);
        }
        boolean tls = protocol.endsWith("SSL");
        String trust = tls ? value("ssl.truststore.location") : null;
        String keyStore = tls ? value("ssl.keystore.location") : null;
        if (keyStore != null) {
            String type = value("ssl.keystore.type");
            boolean pkcs12 = type == null ? !keyStore.toLowerCase(Locale.ROOT).endsWith(".jks")
                    : type.equalsIgnoreCase("PKCS12");
            if (!pkcs12) {
                throw error(type == null ? "ssl.keystore.location" : "ssl.keystore.type",
                        "the client certificate must be a PKCS#12 key store (.p12)");
            }
            String storePassword = value("ssl.keystore.password");
            draft.secret(SecretKind.KAFKA_KEY_STORE, storePassword == null ? value("ssl.key.password") : storePassword);
        }
        if (tls && value("ssl.truststore.password") != null) {
            draft.note(file + ":" + line("ssl.truststore.password") + ": ssl.truststore.password not kept "
                    + "(certificates in a trust store are read without it)");
        }
        for (String key : properties.stringPropertyNames()) {
            if (!READ.contains(key)) {
                draft.note(file + ":" + line(key) + ": " + key + " not kept (a profile has no field for it)");
            }
        }
        ConnectionProfile.Tls tlsSettings = new ConnectionProfile.Tls(tls, trust, keyStore);
        draft.kafka(new ConnectionProfile.Kafka(probe.profile().kafka().bootstrapServers(), mechanism, user, tlsSettings),
                password);
    }

    /** An option of a JAAS login line: {@code username="ops"} or {@code username=ops}. */
    private static String jaasOption(String jaas, String option) {
        Matcher m = Pattern.compile("\\b" + option + "\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s;]+))").matcher(jaas);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2);
    }

    private String value(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The 1-based line a key is set on (the last one, as {@link Properties} keeps the last). */
    private int line(String key) {
        Pattern start = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:\\s]");
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (start.matcher(lines.get(i) + " ").find()) {
                found = i + 1;
            }
        }
        return found;
    }

    private RingsideException error(String key, String why) {
        return new RingsideException(file + ":" + line(key) + ": " + key + ": " + why);
    }
}
