package io.ringside.core.connect.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.client.channel.ChannelDirectTcpip;

/**
 * One local listener of a tunnel: 127.0.0.1 on a port chosen when it opens, every accepted
 * connection carried by a {@code direct-tcpip} channel of the tunnel's current session to one
 * target. Two pump threads per connection (blocking streams; a client of Ringside keeps a handful
 * of connections per backend). A connection the tunnel cannot carry is closed at once, which the
 * clients see as a refused connection and retry.
 */
final class TunnelForward {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TunnelForward.class);

    /** How bytes flow between a client and a channel: as they are, or rewritten (Kafka). */
    interface Pumps {
        void upstream(InputStream fromClient, OutputStream toServer) throws IOException;

        void downstream(InputStream fromServer, OutputStream toClient) throws IOException;
    }

    private final SshTunnel tunnel;
    private final String host;
    private final int port;
    private final KafkaBrokerRewriter rewriter;
    private final ExecutorService pumps;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TunnelForward(SshTunnel tunnel, String host, int port, KafkaBrokerRewriter rewriter, ExecutorService pumps,
                          ServerSocket server) {
        this.tunnel = tunnel;
        this.host = host;
        this.port = port;
        this.rewriter = rewriter;
        this.pumps = pumps;
        this.server = server;
    }

    static TunnelForward open(SshTunnel tunnel, String host, int port, KafkaBrokerRewriter rewriter,
                              ExecutorService pumps) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            TunnelForward forward = new TunnelForward(tunnel, host, port, rewriter, pumps, server);
            pumps.execute(forward::acceptLoop);
            return forward;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a local port for the SSH forward to " + host + ":" + port, e);
        }
    }

    InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                open.add(client);
                pumps.execute(() -> carry(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("SSH forward to {}:{}: accept failed: {}", host, port, e.toString());
                }
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                return;
            }
        }
    }

    private void carry(Socket client) {
        ChannelDirectTcpip channel = null;
        try {
            channel = tunnel.openChannel(host, port);
            Pumps flow = rewriter == null ? new Plain() : rewriter.newConnection();
            InputStream fromClient = client.getInputStream();
            OutputStream toServer = channel.getInvertedIn();
            ChannelDirectTcpip carried = channel;
            pumps.execute(() -> {
                try {
                    flow.upstream(fromClient, toServer);
                } catch (IOException ignored) {
                    // either side closed; the downstream pump ends too
                } finally {
                    carried.close(false);
                    closeQuietly(client);
                }
            });
            flow.downstream(channel.getInvertedOut(), client.getOutputStream());
        } catch (IOException | RuntimeException e) {
            LOG.debug("SSH forward to {}:{} ended: {}", host, port, e.toString());
        } finally {
            if (channel != null) {
                channel.close(false);
            }
            closeQuietly(client);
            open.remove(client);
        }
    }

    void close() {
        closeQuietly(server);
        open.forEach(TunnelForward::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Bytes as they come, flushed after every read so a request is never held back. */
    static final class Plain implements Pumps {
        @Override
        public void upstream(InputStream fromClient, OutputStream toServer) throws IOException {
            copy(fromClient, toServer);
        }

        @Override
        public void downstream(InputStream fromServer, OutputStream toClient) throws IOException {
            copy(fromServer, toClient);
        }

        private static void copy(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[32 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }
}
