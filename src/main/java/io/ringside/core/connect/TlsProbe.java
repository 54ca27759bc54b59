package io.ringside.core.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * Tells whether an endpoint answers a TLS handshake, so that a plain-text client refused by a TLS
 * port ("connection reset", a timeout) is reported as the TLS mismatch it is. The probe trusts
 * nothing: it notes that the server presented a certificate and aborts the handshake there, so no
 * data is ever sent over it.
 */
final class TlsProbe {

    private TlsProbe() {
    }

    static boolean speaksTls(InetSocketAddress target, int timeoutMillis) {
        AtomicBoolean presented = new AtomicBoolean();
        X509TrustManager noteAndRefuse = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("TLS probe: no client is trusted");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                presented.set(chain != null && chain.length > 0);
                throw new CertificateException("TLS probe: the handshake stops at the server's certificate");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        InetSocketAddress resolved = target.isUnresolved()
                ? new InetSocketAddress(target.getHostString(), target.getPort()) : target;
        try (Socket plain = new Socket()) {
            plain.connect(resolved, timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {noteAndRefuse}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain,
                    resolved.getHostString(), resolved.getPort(), false)) {
                tls.startHandshake();
            }
        } catch (IOException | GeneralSecurityException expected) {
            // the handshake is meant to fail; what counts is whether a certificate was presented
        }
        return presented.get();
    }
}
