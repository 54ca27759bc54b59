package io.ringside.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.stack.StackOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPortsTest {

    /** Ports that are taken move up by one or two; slots this far apart do not run into each other. */
    private static final int MARGIN = 50;
    private static final int LINUX_EPHEMERAL_START = 32_768;

    @Test
    void everySlotFitsTheLargestStackBelowTheEphemeralRange() throws IOException {
        int ephemeralStart = ephemeralStart();
        for (TestPorts slot : TestPorts.values()) {
            for (int port : fullStack(slot.ports())) {
                assertTrue(port >= 1024 && port + MARGIN < ephemeralStart,
                        slot + " prefers port " + port + ", outside 1024.." + (ephemeralStart - MARGIN - 1));
            }
        }
    }

    @Test
    void noSlotComesNearAnotherOrADeveloperStackOnTheDefaults() {
        Map<TestPorts, List<Integer>> slots = new EnumMap<>(TestPorts.class);
        for (TestPorts slot : TestPorts.values()) {
            slots.put(slot, fullStack(slot.ports()));
        }
        List<Integer> defaults = fullStack(StackOptions.defaults(Path.of("")));
        List<TestPorts> seen = new ArrayList<>();
        for (TestPorts slot : TestPorts.values()) {
            assertApart(slot + " and the default stack", slots.get(slot), defaults);
            for (TestPorts other : seen) {
                assertApart(slot + " and " + other, slots.get(slot), slots.get(other));
            }
            seen.add(slot);
        }
    }

    private static void assertApart(String what, List<Integer> a, List<Integer> b) {
        for (int x : a) {
            for (int y : b) {
                assertTrue(Math.abs(x - y) > MARGIN, what + " are " + Math.abs(x - y) + " apart at " + x + " / " + y);
            }
        }
    }

    private static List<Integer> fullStack(StackOptions options) {
        return options.withNodes(2).withRedisCluster(true).withRedisClusterReplicas(1)
                .withKafkaBrokers(StackOptions.MULTI_BROKERS).withSshd(true).withRedisSentinel(true).preferredPorts();
    }

    /** The first port of the kernel's ephemeral range where it says, else Linux's default. */
    private static int ephemeralStart() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (!Files.isReadable(range)) {
            return LINUX_EPHEMERAL_START;
        }
        try (BufferedReader reader = Files.newBufferedReader(range)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        }
    }
}
