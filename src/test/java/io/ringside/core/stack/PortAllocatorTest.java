package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void aTakenPortMovesUpAndHandedOutPortsAreNotHandedOutTwice() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int busy = taken.getLocalPort();
            assertFalse(PortAllocator.isFree(busy, List.of("127.0.0.1")));
            assertTrue(PortAllocator.isListening("127.0.0.1", busy));
            int first = PortAllocator.choose(busy, List.of("127.0.0.1"));
            int second = PortAllocator.choose(busy, List.of("127.0.0.1"));
            assertTrue(first > busy);
            assertNotEquals(first, second);
            PortAllocator.release(first);
            PortAllocator.release(second);
            assertEquals(first, PortAllocator.choose(first, List.of("127.0.0.1")));
            PortAllocator.release(first);
        }
    }

    @Test
    void aRedisClusterPortMovesWhenItsBusPortIsTakenAndReleasesBoth() throws IOException {
        try (ServerSocket bus = new ServerSocket()) {
            bus.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int preferred = bus.getLocalPort() - PortAllocator.REDIS_CLUSTER_BUS_OFFSET;
            int chosen = PortAllocator.chooseRedisClusterPort(preferred);
            assertTrue(chosen > preferred, "port " + preferred + " has its bus port taken, yet " + chosen + " was chosen");
            int chosenBus = chosen + PortAllocator.REDIS_CLUSTER_BUS_OFFSET;
            assertNotEquals(chosenBus, PortAllocator.choose(chosenBus, List.of("127.0.0.1")), "the bus port is reserved");
            PortAllocator.release(chosenBus + 1);
            PortAllocator.release(chosen);
            assertEquals(chosenBus, PortAllocator.choose(chosenBus, List.of("127.0.0.1")), "released with its node port");
            PortAllocator.release(chosenBus);
        }
    }
}
