package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secure stack's certificates and passwords: generated once with keytool, reused, never regenerated silently. */
class StackSecurityTest {

    private static final Supplier<Path> KEYTOOL = () -> LocalCertificateAuthority.keytoolBeside(
            Path.of(System.getProperty("java.home"), "bin", "java"));

    @TempDir
    Path data;

    @Test
    void theFirstSecureStartGeneratesAndLaterStartsReuse() throws Exception {
        StackSecurity first = StackSecurity.ensure(data, true, KEYTOOL);
        byte[] ca = Files.readAllBytes(first.caFile());

        StackSecurity again = StackSecurity.ensure(data, true, () -> {
            throw new AssertionError("keytool must not run again");
        });

        assertArrayEquals(first.password(), again.password());
        assertArrayEquals(ca, Files.readAllBytes(again.caFile()));
        assertEquals(24, first.password().length);
        assertNotEquals(first.passwordText(), first.keyStorePassword());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.caFile().getParent())));
        for (Path secret : List.of(first.credentialsFile(), first.serverKeyPem(), first.serverKeyStore(),
                first.trustStore(), first.caKeyStore())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)), secret.toString());
        }
        assertTrue(Files.readString(first.serverKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void theProbesTrustStoreIsLoadedOncePerCredentials() throws Exception {
        StackSecurity security = StackSecurity.ensure(data, true, KEYTOOL);
        SSLContext first = security.sslContext();
        Files.delete(security.trustStore());

        assertSame(first, security.sslContext(), "the probes do not read the trust store again");
        assertThrows(StackException.class, () -> StackSecurity.read(security.credentialsFile()).sslContext(),
                "new credentials load their own trust store");
    }

    @Test
    void theServerCertificateIsSignedByTheCaForLoopbackAndLocalhost() throws Exception {
        StackSecurity security = StackSecurity.ensure(data, true, KEYTOOL);
        X509Certificate ca = certificate(security.caFile());
        X509Certificate server = certificate(security.serverCertificatePem());

        server.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0, "the CA may sign");
        String names = server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1)))
                .collect(Collectors.joining(","));
        assertTrue(names.contains("127.0.0.1") && names.contains("127.0.0.2") && names.contains("localhost"), names);
    }

    @Test
    void aSecureStackWhoseCredentialsAreGoneIsRefusedNotRegenerated() {
        StackException refused = assertThrows(StackException.class, () -> StackSecurity.ensure(data, false, KEYTOOL));

        assertTrue(refused.getMessage().contains(StackSecurity.folderOf(data).resolve(StackSecurity.CREDENTIALS_FILE)
                .toString()), refused.getMessage());
        assertTrue(Files.notExists(StackSecurity.folderOf(data).resolve("ca.pem")), "nothing was generated");
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
