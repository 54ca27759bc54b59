package io.ringside.core.cassandra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which levels still work when a whole remote data centre is down (dc1: 2 of 2 up, dc2: 0 of 1). No servers. */
class LocalDatacenterLevelsTest {

    private final ClusterHealth.RangeReplicas dc2Down = new ClusterHealth.RangeReplicas(2, 3,
            Map.of("dc1", new int[] {2, 2}, "dc2", new int[] {0, 1}));

    @Test
    void localLevelsCountTheLocalDatacentreOnly() {
        assertTrue(dc2Down.satisfies(ConsistencyLevel.LOCAL_QUORUM, "dc1"));
        assertTrue(dc2Down.satisfies(ConsistencyLevel.LOCAL_ONE, "dc1"));
        assertTrue(dc2Down.satisfies(ConsistencyLevel.LOCAL_SERIAL, "dc1"));
        assertTrue(dc2Down.satisfies(ConsistencyLevel.QUORUM, "dc1"));
        assertFalse(dc2Down.satisfies(ConsistencyLevel.EACH_QUORUM, "dc1"));
        assertFalse(dc2Down.satisfies(ConsistencyLevel.ALL, "dc1"));
    }

    @Test
    void fromTheDownDatacentreOrWithoutALocalOneTheyFail() {
        assertFalse(dc2Down.satisfies(ConsistencyLevel.LOCAL_QUORUM, "dc2"));
        assertFalse(dc2Down.satisfies(ConsistencyLevel.LOCAL_QUORUM), "unknown local DC: every DC must have a quorum");
    }
}
