package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.Json;
import io.ringside.core.data.storage.Keyspaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Where {@code --nodes 3 --dcs 2} puts each node, and what a data folder made otherwise refuses. No servers. */
public class DatacenterLayoutTest {

    private final StackOptions options = StackOptions.defaults(Path.of("/tmp/ringside-layout"));

    @Test
    void twoDatacentresPutTwoNodesInDc1OnTwoRacksAndOneInDc2() {
        assertEquals(List.of("dc1", "dc1", "dc2"), List.of(DatacenterLayout.datacenter(1, 2),
                DatacenterLayout.datacenter(2, 2), DatacenterLayout.datacenter(3, 2)));
        assertEquals(List.of("rack1", "rack2", "rack1"), List.of(DatacenterLayout.rack(1, 2),
                DatacenterLayout.rack(2, 2), DatacenterLayout.rack(3, 2)));
        assertEquals("datacenter1", DatacenterLayout.datacenter(3, 1), "one data centre keeps SimpleSnitch's name");
        StackState.CassandraNode third = new StackState.CassandraNode(3, "127.0.0.3", 9042, 7000, 7399, false, null,
                "5.0.9", "dc2", "rack1");
        assertEquals("dc=dc2\nrack=rack1\n", DatacenterLayout.rackdcProperties(third).lines().skip(1)
                .map(l -> l + "\n").reduce("", String::concat));
        assertTrue(DatacenterLayout.namesOwnDatacenter(third));
    }

    @Test
    void twoDatacentresNeedThreeNodesAndAFolderKeepsItsDatacentres() {
        StackException fewNodes = assertThrows(StackException.class,
                () -> DatacenterLayout.datacenters(options.withDatacenters(2), Optional.empty(), 2));
        assertTrue(fewNodes.getMessage().startsWith("--dcs 2 needs --nodes 3 (nodes 1 and 2 in dc1, node 3 in dc2)"),
                fewNodes.getMessage());
        assertEquals(2, DatacenterLayout.datacenters(options.withDatacenters(2), Optional.empty(), 3));
        assertEquals(1, DatacenterLayout.datacenters(options, Optional.empty(), 3), "--nodes 3 alone is one data centre");

        StackState oneDc = state(new StackState.CassandraNode(1, "127.0.0.1", 9042, 7000, 7199, false, null, "5.0.9"));
        StackException changed = assertThrows(StackException.class,
                () -> DatacenterLayout.datacenters(options.withDatacenters(2), Optional.of(oneDc), 3));
        assertTrue(changed.getMessage().contains("was made with 1 data centre; a node's data centre cannot change"),
                changed.getMessage());
        StackState twoDcs = state(node(1, "dc1"), node(2, "dc1"), node(3, "dc2"));
        assertEquals(2, DatacenterLayout.datacenters(options, Optional.of(twoDcs), 3), "kept without --dcs");
    }

    @Test
    void theLocalProfileUsesNodeOnesDatacentreAndOldStateFilesReadAsOne() throws Exception {
        StackState twoDcs = state(node(1, "dc1"), node(2, "dc1"), node(3, "dc2"));
        assertEquals("dc1", twoDcs.localDatacenter());
        assertEquals(2, twoDcs.datacenters());
        StackState read = Json.mapper().readValue(Json.mapper().writeValueAsString(twoDcs), StackState.class);
        assertEquals("dc2", read.node(3).datacenter());
        assertEquals("rack1", read.node(3).withStatus(false, null).rack(), "kept through a status change");

        String before = Json.mapper().writeValueAsString(state(new StackState.CassandraNode(1, "127.0.0.1", 9042, 7000,
                7199, false, null, "5.0.9"))).replace(",\"datacenter\":null,\"rack\":null", "");
        StackState old = Json.mapper().readValue(before, StackState.class);
        assertEquals("datacenter1", old.localDatacenter());
        assertEquals(1, old.datacenters());
    }

    @Test
    void dataKeyspacesGetTwoReplicasPerDatacentreWhereTwoNodesAre() {
        Map<String, Long> twoDcs = new TreeMap<>(Map.of("dc1", 2L, "dc2", 1L));
        assertEquals("{'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}", Keyspaces.replication(twoDcs));
        assertEquals("{'class': 'SimpleStrategy', 'replication_factor': 2}",
                Keyspaces.replication(Map.of("datacenter1", 3L)));
        assertEquals("{'class': 'SimpleStrategy', 'replication_factor': 1}", Keyspaces.replication(Map.of()));
    }

    /** A stopped stack of {@code --nodes 3 --dcs 2}, as its state file records it. */
    public static StackState twoDatacentres() {
        return state(node(1, "dc1"), node(2, "dc1"), node(3, "dc2"));
    }

    private static StackState.CassandraNode node(int id, String dc) {
        return new StackState.CassandraNode(id, "127.0.0." + id, 9042, 7000, 7099 + 100 * id, false, null, "5.0.9",
                dc, DatacenterLayout.rack(id, 2));
    }

    private static StackState state(StackState.CassandraNode... nodes) {
        return StackState.builder().cassandra(new StackState.Cassandra("ringside-local", List.of(nodes)))
                .kafka(new StackState.Kafka("127.0.0.1:9092", "127.0.0.1", 9092, 9093, "id", false, null, "4.1.1"))
                .redis(new StackState.Redis("127.0.0.1", 6379, false, null, "7.0.15", null))
                .build();
    }
}
