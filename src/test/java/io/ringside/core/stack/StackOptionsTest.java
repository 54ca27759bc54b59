package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private final StackOptions defaults = StackOptions.defaults(Path.of("/tmp/ringside-options"));

    @Test
    void defaultsAreTheConventionalPortsAndKeepWhatTheDataFolderHas() {
        assertEquals(Path.of("/tmp/ringside-options"), defaults.dataFolder());
        assertEquals(0, defaults.nodes());
        assertEquals(9042, defaults.cqlPort());
        assertEquals(7000, defaults.storagePort());
        assertEquals(7199, defaults.jmxPort());
        assertEquals(9092, defaults.kafkaPort());
        assertEquals(9093, defaults.controllerPort());
        assertEquals(6379, defaults.redisPort());
        assertEquals(7022, defaults.sshPort());
        assertEquals(512, defaults.cassandraHeapMb());
        assertEquals(Duration.ofSeconds(240), defaults.readyTimeout());
        assertTrue(defaults.localSpeedUps());
        assertEquals(0, defaults.kafkaBrokers());
        assertEquals(0, defaults.datacenters());
    }

    @Test
    void toBuilderChangesACopyAndABuilderChangedAfterBuildLeavesTheBuiltOptionsAlone() {
        StackOptions.Builder builder = defaults.toBuilder().kafkaBrokers(3).sshd(true);
        StackOptions three = builder.build();
        builder.kafkaBrokers(1).nodes(2);

        assertEquals(0, defaults.kafkaBrokers(), "the options a builder came from are unchanged");
        assertEquals(false, defaults.sshd());
        assertEquals(3, three.kafkaBrokers(), "built options do not follow their builder");
        assertEquals(0, three.nodes());
        assertTrue(three.sshd());
        assertEquals(defaults.preferredPorts().get(0), three.preferredPorts().get(0), "other options are carried over");
    }

    @Test
    void aPortOffsetMovesEveryPreferredPortAndTheWithMethodsAgreeWithTheBuilder() {
        StackOptions moved = defaults.withSshd(true).withPortOffset(1000);
        assertEquals(defaults.withSshd(true).preferredPorts().stream().map(p -> p + 1000).toList(), moved.preferredPorts());
        assertEquals(moved.preferredPorts(), StackOptions.builder().dataFolder(defaults.dataFolder()).sshd(true)
                .portOffset(1000).build().preferredPorts());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheOptionAndADataFolderIsRequired() {
        assertEquals("--nodes must be 1, 2 or 3, not 4",
                assertThrows(IllegalArgumentException.class, () -> defaults.withNodes(4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.toBuilder().datacenters(3));
        assertThrows(IllegalArgumentException.class, () -> defaults.toBuilder().redisClusterReplicas(2));
        assertThrows(NullPointerException.class, () -> StackOptions.builder().build());
    }
}
