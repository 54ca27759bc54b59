package io.ringside.core.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;

/**
 * Trusts the operating system's CA bundle as well as the Java runtime's own CAs when fetching the
 * server jars. The installed app runs on a jlinked runtime whose trust store is the one OpenJDK
 * ships, frozen at build time; a CA an administrator added to the system (a company proxy that
 * inspects TLS, a Maven mirror with an internal certificate) would otherwise fail the first start
 * with "PKIX path building failed". Applied only to the resolver's connections, never JVM-wide.
 */
final class SystemTrust {

    private static final List<Path> BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private SystemTrust() {
    }

    /** The resolver authentication carrying the SSL context, or empty when the system has no CA bundle. */
    static Optional<Authentication> resolverAuthentication() {
        return sslContext(BUNDLES).map(SslContextAuthentication::new);
    }

    static Optional<SSLContext> sslContext(List<Path> bundles) {
        Optional<Path> bundle = bundles.stream().filter(Files::isReadable).findFirst();
        if (bundle.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            List<X509Certificate> anchors = new ArrayList<>(runtimeAnchors());
            anchors.addAll(read(bundle.get()));
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            // an unreadable or odd bundle must not stop the download: the runtime's own CAs remain
            return Optional.empty();
        }
    }

    private static List<X509Certificate> runtimeAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> anchors = new ArrayList<>();
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                anchors.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return anchors;
    }

    private static List<X509Certificate> read(Path bundle) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate certificate : certificates) {
                if (certificate instanceof X509Certificate x509) {
                    result.add(x509);
                }
            }
            return result;
        }
    }

    private record SslContextAuthentication(SSLContext context) implements Authentication {

        @Override
        public void fill(AuthenticationContext authContext, String key, Map<String, String> data) {
            if (AuthenticationContext.SSL_CONTEXT.equals(key)) {
                authContext.put(key, context);
            }
        }

        @Override
        public void digest(AuthenticationDigest digest) {
            digest.update(AuthenticationContext.SSL_CONTEXT, "system-ca-bundle");
        }
    }
}
