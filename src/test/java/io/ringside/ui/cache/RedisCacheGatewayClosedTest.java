package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BackendUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A server summary that arrives while the console closes asks the gateway whether the profile is
 * read-only on the FX thread; with the connection closed that threw, uncaught, on every close
 * after the Cache page was shown.
 */
class RedisCacheGatewayClosedTest {

    @Test
    void aClosedConnectionIsReadOnlyInsteadOfAnException() {
        RedisCacheGateway gateway = new RedisCacheGateway(() -> {
            throw new BackendUnavailableException("The connection to profile 'Local stack' is closed");
        });

        assertTrue(gateway.readOnly());
    }
}
