package io.ringside.core.connect.ssh;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Makes a Kafka client reach every broker through the tunnel. A broker tells its clients where
 * the brokers are (Metadata, DescribeCluster, FindCoordinator answers), and the client then
 * connects there directly: to addresses only the jump host can reach. Kafka's client has no
 * socket factory or resolver to hook, so the broker's own answers are rewritten on their way back:
 * each advertised {@code host:port} becomes the local address of a forward of its own to that
 * {@code host:port} ({@link SshTunnel#kafkaForward}). Frames are read by their size prefix and
 * every other frame passes unparsed, a fetch of many megabytes included. This needs the bytes in
 * the clear: PLAINTEXT and SASL_PLAINTEXT listeners (SASL's frames are Kafka requests too), not TLS.
 */
final class KafkaBrokerRewriter {

    private final BiFunction<String, Integer, InetSocketAddress> forwardOf;

    KafkaBrokerRewriter(SshTunnel tunnel) {
        this(tunnel::kafkaForward);
    }

    KafkaBrokerRewriter(BiFunction<String, Integer, InetSocketAddress> forwardOf) {
        this.forwardOf = forwardOf;
    }

    /** The pumps of one client connection: requests note which answers to rewrite, by correlation id. */
    TunnelForward.Pumps newConnection() {
        return new Connection();
    }

    static boolean rewritten(ApiKeys key) {
        return key == ApiKeys.METADATA || key == ApiKeys.DESCRIBE_CLUSTER || key == ApiKeys.FIND_COORDINATOR;
    }

    /**
     * The response frame (without its size prefix, from the correlation id on) with every broker
     * address replaced by its forward.
     */
    byte[] rewrite(ApiKeys key, short version, byte[] frame) {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        ResponseHeader.parse(buffer, key.responseHeaderVersion(version));
        int headerLength = buffer.position();
        ByteBufferAccessor body = new ByteBufferAccessor(buffer);
        ApiMessage message = switch (key) {
            case METADATA -> {
                MetadataResponseData data = new MetadataResponseData(body, version);
                data.brokers().forEach(b -> {
                    InetSocketAddress local = forwardOf.apply(b.host(), b.port());
                    b.setHost(local.getHostString()).setPort(local.getPort());
                });
                yield data;
            }
            case DESCRIBE_CLUSTER -> {
                DescribeClusterResponseData data = new DescribeClusterResponseData(body, version);
                data.brokers().forEach(b -> {
                    InetSocketAddress local = forwardOf.apply(b.host(), b.port());
                    b.setHost(local.getHostString()).setPort(local.getPort());
                });
                yield data;
            }
            case FIND_COORDINATOR -> {
                FindCoordinatorResponseData data = new FindCoordinatorResponseData(body, version);
                if (present(data.host(), data.port())) {
                    InetSocketAddress local = forwardOf.apply(data.host(), data.port());
                    data.setHost(local.getHostString()).setPort(local.getPort());
                }
                data.coordinators().forEach(c -> {
                    if (present(c.host(), c.port())) {
                        InetSocketAddress local = forwardOf.apply(c.host(), c.port());
                        c.setHost(local.getHostString()).setPort(local.getPort());
                    }
                });
                yield data;
            }
            default -> throw new IllegalArgumentException(key + " answers carry no broker address");
        };
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = message.size(cache, version);
        ByteBuffer out = ByteBuffer.allocate(headerLength + size);
        out.put(frame, 0, headerLength);
        message.write(new ByteBufferAccessor(out), cache, version);
        return out.array();
    }

    private static boolean present(String host, int port) {
        return host != null && !host.isEmpty() && port > 0;
    }

    private final class Connection implements TunnelForward.Pumps {

        /** Correlation id to {api key, version} of the requests whose answers get rewritten. */
        private final Map<Integer, short[]> pending = new ConcurrentHashMap<>();

        @Override
        public void upstream(InputStream fromClient, OutputStream toServer) throws IOException {
            DataInputStream in = new DataInputStream(fromClient);
            DataOutputStream out = new DataOutputStream(toServer);
            byte[] buffer = new byte[32 * 1024];
            for (int size = nextFrame(in); size >= 0; size = nextFrame(in)) {
                if (size < 8) {
                    throw new IOException("Kafka request frame of " + size + " bytes: not the Kafka protocol in the clear");
                }
                short apiKey = in.readShort();
                short version = in.readShort();
                int correlationId = in.readInt();
                if (ApiKeys.hasId(apiKey) && rewritten(ApiKeys.forId(apiKey))) {
                    pending.put(correlationId, new short[] {apiKey, version});
                }
                out.writeInt(size);
                out.writeShort(apiKey);
                out.writeShort(version);
                out.writeInt(correlationId);
                copy(in, out, size - 8, buffer);
                out.flush();
            }
        }

        @Override
        public void downstream(InputStream fromServer, OutputStream toClient) throws IOException {
            DataInputStream in = new DataInputStream(fromServer);
            DataOutputStream out = new DataOutputStream(toClient);
            byte[] buffer = new byte[32 * 1024];
            for (int size = nextFrame(in); size >= 0; size = nextFrame(in)) {
                int correlationId = in.readInt();
                short[] request = pending.remove(correlationId);
                if (request == null) {
                    out.writeInt(size);
                    out.writeInt(correlationId);
                    copy(in, out, size - 4, buffer);
                } else {
                    byte[] frame = new byte[size];
                    ByteBuffer.wrap(frame).putInt(correlationId);
                    in.readFully(frame, 4, size - 4);
                    byte[] rewritten = rewrite(ApiKeys.forId(request[0]), request[1], frame);
                    out.writeInt(rewritten.length);
                    out.write(rewritten);
                }
                out.flush();
            }
        }

        /** The size prefix of the next frame, or -1 when the connection closed between frames. */
        private int nextFrame(DataInputStream in) throws IOException {
            try {
                return in.readInt();
            } catch (EOFException end) {
                return -1;
            }
        }

        private void copy(DataInputStream in, OutputStream out, int length, byte[] buffer) throws IOException {
            int left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, Math.min(buffer.length, left));
                if (read < 0) {
                    throw new EOFException("the connection closed inside a Kafka frame");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }
}
