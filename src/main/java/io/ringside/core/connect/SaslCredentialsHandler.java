package io.ringside.core.connect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.scram.ScramExtensionsCallback;

/**
 * Answers the Kafka client's SASL (PLAIN, SCRAM) login callbacks from a profile's secret store,
 * so the password reaches the client as a {@code char[]} when it logs in instead of sitting in a
 * {@code sasl.jaas.config} string. Kafka instantiates this class itself; it finds its
 * {@link Credentials} among the client's configuration values under {@value #CREDENTIALS} (Kafka
 * hands custom configuration entries to callback handlers).
 */
public final class SaslCredentialsHandler implements AuthenticateCallbackHandler {

    public static final String CREDENTIALS = "ringside.sasl.credentials";

    /** Who logs in; the password is fetched at each login and wiped after use. */
    public record Credentials(String username, Supplier<char[]> password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    private Credentials credentials;

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        Object value = configs.get(CREDENTIALS);
        if (!(value instanceof Credentials given)) {
            throw new IllegalArgumentException("No " + CREDENTIALS + " in the Kafka client's configuration");
        }
        credentials = given;
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(credentials.username());
            } else if (callback instanceof PasswordCallback password) {
                char[] secret = credentials.password().get();
                password.setPassword(secret);
                Arrays.fill(secret, '\0');
            } else if (!(callback instanceof ScramExtensionsCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {
        credentials = null;
    }
}
