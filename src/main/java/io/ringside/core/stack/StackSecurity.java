package io.ringside.core.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The secrets of a secure local stack ({@code stack up --secure}), kept in {@code <data>/tls/}: a
 * self-signed CA, the servers' certificate signed by it, and {@value #CREDENTIALS_FILE}, readable
 * only by its owner, with the generated password of the {@value #USERNAME} user (the same on
 * Cassandra, Redis and Kafka) and of the key and trust stores. Generated once and reused, because
 * Cassandra keeps the role and its password in its own data and a new password would lock it out.
 */
public final class StackSecurity {

    public static final String USERNAME = "ringside";
    public static final String CREDENTIALS_FILE = "credentials.properties";
    static final String SASL_MECHANISM = "PLAIN";
    /** The protocol of the secure stack's Kafka listener, for the broker, the state file and the probes. */
    static final String KAFKA_SECURITY_PROTOCOL = "SASL_SSL";

    private static final String PASSWORD = "password";
    private static final String KEY_STORE_PASSWORD = "key_store_password";
    private static final String TRUST_STORE_PASSWORD = "trust_store_password";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final Path folder;
    private final Properties values;
    private SSLContext sslContext;

    private StackSecurity(Path folder, Properties values) {
        this.folder = folder;
        this.values = values;
    }

    public static Path folderOf(Path dataFolder) {
        return dataFolder.resolve("tls");
    }

    /** Where the generated passwords of the data folder's secure stack are (or will be). */
    public static Path credentialsFileOf(Path dataFolder) {
        return folderOf(dataFolder).resolve(CREDENTIALS_FILE);
    }

    /**
     * The stack's certificates and passwords, generated with the JDK's {@code keytool} on the first
     * secure start.
     *
     * @param generate false when the state file says the stack was already secure: then missing
     *                 files are an error, since new passwords would not match Cassandra's role
     */
    static StackSecurity ensure(Path dataFolder, boolean generate, Supplier<Path> keytool) {
        Path folder = folderOf(dataFolder);
        Path credentials = credentialsFileOf(dataFolder);
        if (Files.isRegularFile(credentials)) {
            return read(credentials);
        }
        if (!generate) {
            throw new StackException("This stack was started with --secure, but " + credentials + " is missing. "
                    + "Its Cassandra role keeps the old password, so new credentials would lock the stack out; restore "
                    + "the file (or move the data folder away to start a new stack). Nothing was changed.");
        }
        Properties values = new Properties();
        values.setProperty(PASSWORD, randomPassword());
        values.setProperty(KEY_STORE_PASSWORD, randomPassword());
        values.setProperty(TRUST_STORE_PASSWORD, randomPassword());
        StackSecurity security = new StackSecurity(folder, values);
        try {
            createPrivateFolder(folder);
            new LocalCertificateAuthority(keytool.get(), folder).issue(security);
            security.writeCredentials(credentials);
        } catch (IOException e) {
            throw new StackException("Cannot write the secure stack's files in " + folder + ": " + e.getMessage(), e);
        }
        return security;
    }

    /** The stack's credentials as a client reads them from the path {@code stack.json} names. */
    public static StackSecurity read(Path credentialsFile) {
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(credentialsFile)) {
            values.load(in);
        } catch (IOException e) {
            throw new StackException("Cannot read the secure stack's credentials " + credentialsFile + ": "
                    + e.getMessage(), e);
        }
        for (String key : new String[] {PASSWORD, KEY_STORE_PASSWORD, TRUST_STORE_PASSWORD}) {
            if (values.getProperty(key, "").isBlank()) {
                throw new StackException("The secure stack's credentials " + credentialsFile + " have no '" + key + "'");
            }
        }
        return new StackSecurity(credentialsFile.getParent(), values);
    }

    public Path credentialsFile() {
        return folder.resolve(CREDENTIALS_FILE);
    }

    /** The CA certificate in PEM: what a profile names as its TLS "CA file". */
    public Path caFile() {
        return folder.resolve("ca.pem");
    }

    public String username() {
        return USERNAME;
    }

    /** The password of {@value #USERNAME}; a fresh copy the caller may wipe. */
    public char[] password() {
        return values.getProperty(PASSWORD).toCharArray();
    }

    Path caKeyStore() {
        return folder.resolve("ca.p12");
    }

    Path serverKeyStore() {
        return folder.resolve("server.p12");
    }

    Path trustStore() {
        return folder.resolve("truststore.p12");
    }

    Path serverCertificatePem() {
        return folder.resolve("server.pem");
    }

    Path serverKeyPem() {
        return folder.resolve("server-key.pem");
    }

    /** Server configuration files (cassandra.yaml) need it as text; they are written readable by the owner only. */
    String keyStorePassword() {
        return values.getProperty(KEY_STORE_PASSWORD);
    }

    String trustStorePassword() {
        return values.getProperty(TRUST_STORE_PASSWORD);
    }

    /** The user's password as text, for server configuration files and the probes' login. */
    String passwordText() {
        return values.getProperty(PASSWORD);
    }

    /**
     * What the stack's own readiness probes trust: the generated CA only. Loaded once: the probes
     * ask for it every few hundred milliseconds while the servers start, and the trust store of
     * these credentials does not change (new credentials are a new instance).
     */
    synchronized SSLContext sslContext() {
        if (sslContext == null) {
            sslContext = loadSslContext();
        }
        return sslContext;
    }

    private SSLContext loadSslContext() {
        try (InputStream in = Files.newInputStream(trustStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, trustStorePassword().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("Cannot load the secure stack's trust store " + trustStore() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Properties for the stack's own Kafka clients (the readiness probe): SASL PLAIN over TLS,
     * trusting the generated CA. The password is only in this map in memory.
     */
    Map<String, Object> kafkaClientProperties() {
        return Map.of(
                "security.protocol", KAFKA_SECURITY_PROTOCOL,
                "sasl.mechanism", SASL_MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + USERNAME + "\" password=\"" + passwordText() + "\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", caFile().toString());
    }

    private void writeCredentials(Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING);
             Writer writer = new OutputStreamWriter(out, StandardCharsets.ISO_8859_1)) {
            writer.write("# Generated by Ringside for the secure local stack; readable only by its owner.\n");
            writer.write("# user: " + USERNAME + " (Cassandra role, Redis ACL user, Kafka SASL PLAIN user)\n");
            writer.write(PASSWORD + "=" + values.getProperty(PASSWORD) + "\n");
            writer.write(KEY_STORE_PASSWORD + "=" + keyStorePassword() + "\n");
            writer.write(TRUST_STORE_PASSWORD + "=" + trustStorePassword() + "\n");
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void createPrivateFolder(Path folder) throws IOException {
        OwnerOnly.folder(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Writes {@code text} to a new file only its owner can read (server configurations holding passwords). */
    static void writePrivate(Path file, String text) throws IOException {
        OwnerOnly.folder(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
