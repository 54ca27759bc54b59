package io.ringside.core.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a port that is free on every given loopback address, starting at the preferred one and
 * moving up. Ports handed out stay reserved for this JVM, so two stacks started side by side (a
 * test's shared stack and a drill stack) never pick the same port before either has bound it.
 */
public final class PortAllocator {

    private static final int SEARCH_WIDTH = 200;
    private static final Set<Integer> RESERVED = new HashSet<>();

    private PortAllocator() {
    }

    /** The preferred port if it is free (or already ours), else the next free one above it. */
    public static synchronized int choose(int preferred, List<String> addresses) {
        for (int port = preferred; port < preferred + SEARCH_WIDTH && port < 65536; port++) {
            if (!RESERVED.contains(port) && isFree(port, addresses)) {
                RESERVED.add(port);
                return port;
            }
        }
        throw new StackException("No free port in " + preferred + ".." + (preferred + SEARCH_WIDTH - 1)
                + " on " + String.join(", ", addresses));
    }

    /** Gives a port back, for a stack that is gone for good. */
    public static synchronized void release(int port) {
        RESERVED.remove(port);
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
