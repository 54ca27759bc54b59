package io.ringside.core.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Issues the secure local stack's certificates with the JDK's own {@code keytool} (no library
 * needed): a self-signed CA, and a server key pair whose certificate the CA signs for
 * {@code 127.0.0.1}, {@code 127.0.0.2} (a second node) and {@code localhost}. Cassandra and Kafka read
 * the PKCS#12 key store; Redis, built on OpenSSL, reads the same key and certificate as PEM.
 * Passwords reach keytool through its environment ({@code -storepass:env}), never its command line.
 */
final class LocalCertificateAuthority {

    private static final String SUBJECT_ALT_NAMES = "SAN=ip:127.0.0.1,ip:127.0.0.2,dns:localhost";
    private static final String VALIDITY_DAYS = "3650";

    private final Path keytool;
    private final Path folder;

    LocalCertificateAuthority(Path keytool, Path folder) {
        this.keytool = keytool;
        this.folder = folder;
    }

    /** The keytool of the JDK that runs Cassandra, so no other JDK is needed. */
    static Path keytoolBeside(Path java) {
        Path keytool = java.resolveSibling("keytool");
        if (!Files.isExecutable(keytool)) {
            throw new StackException("No keytool next to " + java + " to generate the secure stack's certificates; "
                    + "install a full JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)");
        }
        return keytool;
    }

    void issue(StackSecurity security) throws IOException {
        Map<String, String> env = Map.of(
                "RINGSIDE_CA_PASS", security.keyStorePassword(),
                "RINGSIDE_KEY_PASS", security.keyStorePassword(),
                "RINGSIDE_TRUST_PASS", security.trustStorePassword());
        Path csr = folder.resolve("server.csr");
        Path signed = folder.resolve("server-signed.pem");
        for (Path stale : List.of(security.caKeyStore(), security.serverKeyStore(), security.trustStore(),
                security.caFile(), csr, signed)) {
            Files.deleteIfExists(stale);
        }
        run(env, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS,
                "-dname", "CN=Ringside local stack CA", "-ext", "bc:c", "-storetype", "PKCS12",
                "-keystore", security.caKeyStore().toString(), "-storepass:env", "RINGSIDE_CA_PASS");
        run(env, "-exportcert", "-rfc", "-alias", "ca", "-keystore", security.caKeyStore().toString(),
                "-storepass:env", "RINGSIDE_CA_PASS", "-file", security.caFile().toString());
        run(env, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS,
                "-dname", "CN=localhost, O=Ringside local stack", "-storetype", "PKCS12",
                "-keystore", security.serverKeyStore().toString(), "-storepass:env", "RINGSIDE_KEY_PASS");
        run(env, "-certreq", "-alias", "server", "-keystore", security.serverKeyStore().toString(),
                "-storepass:env", "RINGSIDE_KEY_PASS", "-file", csr.toString());
        run(env, "-gencert", "-rfc", "-alias", "ca", "-keystore", security.caKeyStore().toString(),
                "-storepass:env", "RINGSIDE_CA_PASS", "-infile", csr.toString(), "-outfile", signed.toString(),
                "-validity", VALIDITY_DAYS, "-ext", SUBJECT_ALT_NAMES, "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth");
        run(env, "-importcert", "-noprompt", "-alias", "ca", "-file", security.caFile().toString(),
                "-keystore", security.serverKeyStore().toString(), "-storepass:env", "RINGSIDE_KEY_PASS");
        run(env, "-importcert", "-noprompt", "-alias", "server", "-file", signed.toString(),
                "-keystore", security.serverKeyStore().toString(), "-storepass:env", "RINGSIDE_KEY_PASS");
        run(env, "-importcert", "-noprompt", "-alias", "ca", "-file", security.caFile().toString(), "-storetype", "PKCS12",
                "-keystore", security.trustStore().toString(), "-storepass:env", "RINGSIDE_TRUST_PASS");
        Files.move(signed, security.serverCertificatePem(), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(csr);
        StackSecurity.writePrivate(security.serverKeyPem(), privateKeyPem(security));
        for (Path secret : List.of(security.caKeyStore(), security.serverKeyStore(), security.trustStore())) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** keytool cannot export a private key; the JDK's key store can, as PKCS#8. */
    private static String privateKeyPem(StackSecurity security) throws IOException {
        char[] password = security.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(security.serverKeyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key key = store.getKey("server", password);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new StackException("Cannot read the server key from " + security.serverKeyStore() + ": "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        Path log = folder.resolve("keytool.log");
        ServerProcess.runToCompletion("keytool " + args[0], command, folder, log, Duration.ofSeconds(60), env);
    }
}
