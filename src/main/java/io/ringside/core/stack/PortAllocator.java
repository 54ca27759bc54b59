package io.ringside.core.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a port that is free on every given loopback address, starting at the preferred one and
 * moving up. Ports handed out stay reserved for this JVM, so two stacks started side by side (a
 * test's shared stack and a drill stack) never pick the same port before either has bound it.
 */
public final class PortAllocator {

    /** Redis's rule for a cluster node's bus port when none is configured: its port + 10000. */
    public static final int REDIS_CLUSTER_BUS_OFFSET = 10_000;

    private static final int SEARCH_WIDTH = 200;
    private static final Set<Integer> RESERVED = new HashSet<>();
    private static final Map<Integer, Integer> COMPANIONS = new HashMap<>();

    private PortAllocator() {
    }

    /** The preferred port if it is free (or already ours), else the next free one above it. */
    public static int choose(int preferred, List<String> addresses) {
        return choose(preferred, addresses, 0);
    }

    /**
     * A port for a Redis Cluster node on 127.0.0.1 whose bus port is free too (a node whose bus port
     * is taken does not start); both are reserved, and {@link #release} gives both back.
     */
    public static int chooseRedisClusterPort(int preferred) {
        return choose(preferred, List.of("127.0.0.1"), REDIS_CLUSTER_BUS_OFFSET);
    }

    private static synchronized int choose(int preferred, List<String> addresses, int companionOffset) {
        for (int port = preferred; port < preferred + SEARCH_WIDTH && port + companionOffset < 65536; port++) {
            int companion = port + companionOffset;
            if (available(port, addresses) && (companionOffset == 0 || available(companion, addresses))) {
                RESERVED.add(port);
                if (companionOffset != 0) {
                    RESERVED.add(companion);
                    COMPANIONS.put(port, companion);
                }
                return port;
            }
        }
        throw new StackException("No free port in " + preferred + ".." + (preferred + SEARCH_WIDTH - 1)
                + (companionOffset == 0 ? "" : " with port + " + companionOffset + " free as well")
                + " on " + String.join(", ", addresses));
    }

    private static boolean available(int port, List<String> addresses) {
        return !RESERVED.contains(port) && isFree(port, addresses);
    }

    /** Gives a port back (with its bus port, for a cluster node's), for a stack that is gone for good. */
    public static synchronized void release(int port) {
        RESERVED.remove(port);
        Integer companion = COMPANIONS.remove(port);
        if (companion != null) {
            RESERVED.remove(companion);
        }
    }

    public static boolean isFree(int port, List<String> addresses) {
        for (String address : addresses) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true); // as the servers do: TIME_WAIT leftovers do not block them
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Whether something accepts TCP connections on the port: the cheap liveness probe. */
    public static boolean isListening(String address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
