package io.ringside.core.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Cassandra node's address becomes a forward of its own on 127.0.0.1, the same one every
 * time, without any SSH traffic; a connection to a forward whose jump host is unreachable is
 * closed at once, so a client sees a refused connection and retries rather than hanging.
 */
class TunnelAddressTranslatorTest {

    @TempDir
    Path data;

    @Test
    void everyNodeGetsAStableForwardOfItsOwnAndADeadHopClosesTheConnection() throws IOException {
        int closedPort;
        try (ServerSocket nothing = new ServerSocket(0)) {
            closedPort = nothing.getLocalPort();
        }
        try (SshTunnel tunnel = new SshTunnel("test", List.of(new JumpHost("127.0.0.1", closedPort, "u",
                JumpHost.Login.PASSWORD, null)), HopSecrets.NONE, KnownHosts.of(data), Duration.ofSeconds(2))) {
            var translator = new TunnelCqlSessionBuilder.TunnelAddressTranslator(tunnel);
            InetSocketAddress node1 = translator.translate(new InetSocketAddress("10.0.0.5", 9042));
            InetSocketAddress node2 = translator.translate(new InetSocketAddress("10.0.0.6", 9042));
            assertEquals("127.0.0.1", node1.getHostString());
            assertNotEquals(node1.getPort(), node2.getPort());
            assertEquals(node1, translator.translate(new InetSocketAddress("10.0.0.5", 9042)));
            assertEquals(0, tunnel.sessionsOpened(), "no SSH traffic to hand out a forward");

            try (Socket client = new Socket()) {
                client.connect(node1, 2000);
                client.setSoTimeout(10_000);
                assertEquals(-1, client.getInputStream().read(), "closed by the forward: the hop is unreachable");
            }
            SshHopException failure = assertThrows(SshHopException.class, tunnel::connect);
            assertEquals(SshHopException.Reason.UNREACHABLE, failure.reason(), failure.getMessage());
        }
    }
}
