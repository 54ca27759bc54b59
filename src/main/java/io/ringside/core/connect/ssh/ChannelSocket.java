package io.ringside.core.connect.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.common.channel.ChannelPipedInputStream;

/**
 * A {@link Socket} whose bytes are those of one {@code direct-tcpip} channel, for a client that
 * takes a socket factory (Jedis): the client's thread encrypts and writes its request straight
 * into the SSH session, and the session's reader hands the answer straight to it. No local
 * listener and no pump threads sit between them, which is two thread hand-offs and two loopback
 * socket hops fewer per request than a {@link TunnelForward}. Only what a blocking client calls
 * is implemented: the streams, the read timeout, close and the state queries; there is no file
 * descriptor behind it, so TCP options are ignored (the SSH session's own socket has TCP_NODELAY).
 */
final class ChannelSocket extends Socket {

    private final ChannelDirectTcpip channel;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress remote;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int timeoutMillis;

    ChannelSocket(ChannelDirectTcpip channel, String host, int port) {
        this.channel = channel;
        this.in = channel.getInvertedOut();
        this.out = channel.getInvertedIn();
        this.remote = InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        ensureOpen();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        ensureOpen();
        return out;
    }

    private void ensureOpen() throws SocketException {
        if (isClosed()) {
            throw new SocketException("the SSH channel to " + remote + " is closed");
        }
    }

    /** A read waiting longer fails with a timeout, as a socket's read does (0: wait for ever). */
    @Override
    public void setSoTimeout(int timeout) {
        timeoutMillis = timeout;
        if (in instanceof ChannelPipedInputStream piped) {
            piped.setTimeout(timeout);
        }
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // no socket of its own: the SSH session's socket has TCP_NODELAY
    }

    @Override
    public void setKeepAlive(boolean on) {
        // the tunnel's heartbeat watches the session
    }

    @Override
    public void setSoLinger(boolean on, int linger) {
        // nothing to linger on
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isBound() {
        return true;
    }

    /** Closed when closed here or when the channel ended (the server closed it, or the session dropped). */
    @Override
    public boolean isClosed() {
        return closed.get() || !channel.isOpen() || channel.isClosing();
    }

    @Override
    public boolean isInputShutdown() {
        return isClosed();
    }

    @Override
    public boolean isOutputShutdown() {
        return isClosed();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return remote;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            channel.close(false);
        }
    }

    @Override
    public String toString() {
        return "SSH channel to " + remote.getHostString() + ":" + remote.getPort();
    }
}
