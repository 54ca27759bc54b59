package io.ringside.core.data.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.ringside.core.data.storage.WriteConsistency.NodeView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write level on the two-DC layout of {@code stack up --nodes 3 --dcs 2} and on one DC. No servers. */
class WriteConsistencyTest {

    private static List<NodeView> twoDatacentres(boolean node1Down, boolean node3Down) {
        return List.of(new NodeView("/127.0.0.1:9042", "dc1", node1Down),
                new NodeView("/127.0.0.2:9042", "dc1", false),
                new NodeView("/127.0.0.3:9042", "dc2", node3Down));
    }

    @Test
    void theRemoteDatacentresNodeDownKeepsLocalQuorum() {
        WriteConsistency chosen = WriteConsistency.of(twoDatacentres(false, true), "dc1");
        assertEquals(DefaultConsistencyLevel.LOCAL_QUORUM, chosen.level());
        assertFalse(chosen.degraded());
    }

    @Test
    void aLocalNodeDownDropsToOneAndNamesItAndItsDatacentre() {
        WriteConsistency chosen = WriteConsistency.of(twoDatacentres(true, true), "dc1");
        assertEquals(DefaultConsistencyLevel.ONE, chosen.level());
        assertEquals("writing at ONE: 1 node(s) down in dc1 (/127.0.0.1:9042)", chosen.degradedReason());
    }

    @Test
    void seenFromTheOtherDatacentreItsOwnNodeDecides() {
        assertEquals(DefaultConsistencyLevel.ONE, WriteConsistency.of(twoDatacentres(false, true), "dc2").level());
        assertEquals(DefaultConsistencyLevel.LOCAL_QUORUM, WriteConsistency.of(twoDatacentres(true, false), "dc2").level());
    }

    @Test
    void withoutAKnownLocalDatacentreEveryNodeCounts() {
        assertEquals(DefaultConsistencyLevel.ONE, WriteConsistency.of(twoDatacentres(false, true), null).level());
        assertEquals(DefaultConsistencyLevel.ONE, WriteConsistency.of(twoDatacentres(false, true), "dc9").level());
    }

    @Test
    void oneDatacentreAsBefore() {
        List<NodeView> up = List.of(new NodeView("/127.0.0.1:9042", "datacenter1", false),
                new NodeView("/127.0.0.2:9042", "datacenter1", false));
        assertNull(WriteConsistency.of(up, "datacenter1").degradedReason());
        List<NodeView> oneDown = List.of(up.get(0), new NodeView("/127.0.0.2:9042", "datacenter1", true));
        assertEquals("writing at ONE: 1 node(s) down (/127.0.0.2:9042)",
                WriteConsistency.of(oneDown, "datacenter1").degradedReason());
    }
}
