package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.TextOutputCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.kafka.common.security.scram.ScramExtensionsCallback;
import org.junit.jupiter.api.Test;

/** The Kafka SASL password travels from the secret store to the login as char[], not in a JAAS string. */
class SaslCredentialsHandlerTest {

    private static final String PASSWORD = "kafka-secret-7";

    private static Map<String, Object> kafkaProperties() {
        ConnectionProfile profile = new ConnectionProfile("sasl", "SASL", null, false, null, null,
                new ConnectionProfile.Kafka("broker:9093", "scram-sha-512", "ops", null));
        SecretStore secrets = new SessionSecretStore((ref, kind) -> kind == SecretKind.KAFKA_PASSWORD
                ? Optional.of(PASSWORD.toCharArray()) : Optional.empty());
        return new Backends(Backends.endpointsOf(profile), profile, secrets).kafkaProperties();
    }

    @Test
    void theClientConfigurationHoldsNoPassword() {
        Map<String, Object> properties = kafkaProperties();

        assertEquals("SASL_PLAINTEXT", properties.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", properties.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;", properties.get("sasl.jaas.config"));
        assertEquals(SaslCredentialsHandler.class.getName(), properties.get("sasl.client.callback.handler.class"));
        assertFalse(properties.values().stream().map(String::valueOf).anyMatch(value -> value.contains(PASSWORD)),
                properties.toString());
    }

    @Test
    void theLoginCallbacksAreAnsweredFromTheSecretStore() throws Exception {
        SaslCredentialsHandler handler = new SaslCredentialsHandler();
        handler.configure(kafkaProperties(), "SCRAM-SHA-512", List.of());
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        ScramExtensionsCallback extensions = new ScramExtensionsCallback();

        handler.handle(new Callback[] {name, password, extensions});

        assertEquals("ops", name.getName());
        assertArrayEquals(PASSWORD.toCharArray(), password.getPassword());
        assertTrue(extensions.extensions().isEmpty());
        assertThrows(UnsupportedCallbackException.class,
                () -> handler.handle(new Callback[] {new TextOutputCallback(TextOutputCallback.INFORMATION, "hi")}));
    }

    @Test
    void aClientWithoutRingsideCredentialsIsRefusedClearly() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SaslCredentialsHandler().configure(Map.of(), "PLAIN", List.of()));

        assertTrue(error.getMessage().contains(SaslCredentialsHandler.CREDENTIALS), error.getMessage());
    }
}
