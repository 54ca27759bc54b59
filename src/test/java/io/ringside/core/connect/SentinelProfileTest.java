package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import io.ringside.core.stack.StateFileTest;
import io.ringside.ui.testing.MemorySecretStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Profiles naming Redis sentinels, without servers: what they resolve to and how they fail. */
class SentinelProfileTest {

    @Test
    void theLocalProfileOfAStackWithASentinelGroupGoesThroughItsSentinels() {
        try (Backends backends = Backends.local(StateFileTest.withSentinels(), new MemorySecretStore())) {
            assertTrue(backends.redisIsSentinel());
            assertEquals(List.of("127.0.0.1:6391", "127.0.0.1:6392", "127.0.0.1:6393"),
                    backends.profile().redis().sentinels());
            assertEquals("ringside", backends.profile().redis().sentinelMaster());
            assertEquals(6391, backends.endpoints().redisPort(), "checked and keyed by its first sentinel");
        }
        try (Backends plain = Backends.local(StateFileTest.sample(), new MemorySecretStore())) {
            assertTrue(!plain.redisIsSentinel());
            assertEquals(new RedisMaster("127.0.0.1", 6379, null), plain.redisMaster());
        }
    }

    @Test
    void unreachableSentinelsFailAsAConnectionFailureAndANameIsRequired() {
        ConnectionProfile.Redis redis = new ConnectionProfile.Redis(null, 0, List.of(), null, 0, null,
                List.of("127.0.0.1:1"), "mymaster");
        try (Backends backends = backends(redis)) {
            JedisPooled client = backends.redis();
            JedisConnectionException down = assertThrows(JedisConnectionException.class, client::ping);
            assertTrue(down.getMessage().contains("No Redis master 'mymaster' from the sentinels"), down.getMessage());
            assertThrows(BackendUnavailableException.class, backends::redisMaster);
        }
        ConnectionProfile.Redis unnamed = new ConnectionProfile.Redis(null, 0, List.of(), null, 0, null,
                List.of("127.0.0.1:1"), " ");
        try (Backends backends = backends(unnamed)) {
            RingsideException error = assertThrows(RingsideException.class, backends::redis);
            assertTrue(error.getMessage().contains("no master name"), error.getMessage());
        }
    }

    private static Backends backends(ConnectionProfile.Redis redis) {
        ConnectionProfile profile = new ConnectionProfile("s", "Sentinels", "#1a7f37", false,
                new ConnectionProfile.Cassandra(List.of("127.0.0.1:1"), "datacenter1", null, null, null), redis,
                new ConnectionProfile.Kafka("127.0.0.1:1", null, null, null));
        return new Backends(Backends.endpointsOf(profile), profile, new MemorySecretStore());
    }
}
