package io.ringside.core.connect;

import io.ringside.core.RingsideException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds one {@link SSLContext} per connection from a profile's TLS settings, never through the
 * JVM-wide {@code javax.net.ssl.*} properties (which would leak one profile's trust into every
 * other connection of the process).
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * @param tls              trust file: a PEM CA bundle ({@code .pem}, {@code .crt}, {@code .cer}) or a
     *                         PKCS#12/JKS trust store; none means the JDK's default CAs
     * @param keyStorePassword password of the PKCS#12 client certificate, if the settings name one
     */
    public static SSLContext of(ConnectionProfile.Tls tls, char[] keyStorePassword) {
        try {
            TrustManagerFactory trust = null;
            if (ConnectionProfile.present(tls.trustFile())) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(Path.of(tls.trustFile())));
            }
            KeyManagerFactory keys = null;
            if (tls.hasClientCert()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(tls.clientCertFile()))) {
                    store.load(in, keyStorePassword);
                }
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, keyStorePassword);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new RingsideException("TLS setup failed (trust " + tls.trustFile() + ", client certificate "
                    + tls.clientCertFile() + "): " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(Path file) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            return store;
        }
        KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, null);
        }
        return store;
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
