package io.ringside.core.connect.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A connection to the user's SSH agent (OpenSSH's {@code ssh-agent}, or any agent speaking its
 * protocol) over the Unix-domain socket that {@code SSH_AUTH_SOCK} names. MINA's own agent client
 * reaches that socket through Tomcat's native APR library, which Ringside does not ship; the JDK
 * opens Unix-domain sockets itself since 16, so this class only carries the frames and MINA's
 * {@link AbstractAgentProxy} writes the requests and reads the answers (list the keys, sign). The
 * private keys never leave the agent.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    /** OpenSSH's agent refuses messages above 256 KiB; an answer larger than that is not an agent's. */
    private static final int MAX_FRAME = 256 * 1024;

    private final Path socket;
    private final SocketChannel channel;

    private UnixSocketAgent(Path socket, SocketChannel channel) {
        super(null);
        this.socket = socket;
        this.channel = channel;
    }

    static UnixSocketAgent connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new UnixSocketAgent(socket, channel);
        } catch (IOException e) {
            channel.close();
            throw new IOException("no SSH agent answers at " + socket + " (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The agent answers one request at a time on a connection, in order: one request, then its answer. */
    @Override
    protected synchronized Buffer request(Buffer prepared) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(prepared.array(), prepared.rpos(), prepared.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        int size = readFully(4).getInt();
        if (size <= 0 || size > MAX_FRAME) {
            throw new SshException("the SSH agent at " + socket + " answered a frame of " + size + " bytes");
        }
        return new ByteArrayBuffer(readFully(size).array());
    }

    private ByteBuffer readFully(int size) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(size);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("the SSH agent at " + socket + " closed the connection");
            }
        }
        return in.flip();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
        super.close();
    }

    @Override
    public String toString() {
        return "SSH agent at " + socket;
    }
}
