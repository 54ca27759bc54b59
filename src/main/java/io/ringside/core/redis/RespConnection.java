package io.ringside.core.redis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.util.RedisInputStream;

/**
 * One connection of the console's own, connected, authenticated and TLS-wrapped by Jedis from the
 * profile's client configuration, whose replies are read as {@link RespReply} trees with their
 * RESP type instead of Jedis's plain values. After the login it asks for RESP3 ({@code HELLO 3}),
 * so maps, sets, doubles and booleans arrive as such; a server without RESP3 stays on RESP2.
 * Not thread-safe: its owner sends one command at a time.
 */
final class RespConnection extends Connection {

    private boolean typed;

    RespConnection(HostAndPort address, JedisClientConfig config) {
        super(address, config);
        typed = true;
        RespReply hello = send(List.of("HELLO".getBytes(StandardCharsets.US_ASCII), "3".getBytes(StandardCharsets.US_ASCII)));
        resp3 = !(hello instanceof RespReply.Error);
    }

    private boolean resp3;

    boolean resp3() {
        return resp3;
    }

    /** Sends one command (its name and arguments as given) and reads its reply. */
    RespReply send(List<byte[]> argv) {
        byte[] name = argv.get(0);
        ProtocolCommand command = () -> name;
        sendCommand(command, argv.subList(1, argv.size()).toArray(new byte[0][]));
        return (RespReply) getOne();
    }

    @Override
    protected Object protocolRead(RedisInputStream in) {
        if (!typed) {
            return super.protocolRead(in); // Jedis's own login and database selection
        }
        return read(in);
    }

    static RespReply read(RedisInputStream in) {
        byte type = in.readByte();
        return switch (type) {
            case '+' -> new RespReply.Simple(utf8(in.readLineBytes()));
            case '-' -> new RespReply.Error(utf8(in.readLineBytes()));
            case ':' -> new RespReply.Integer(in.readLongCrLf());
            case '$' -> {
                byte[] bytes = blob(in);
                yield bytes == null ? new RespReply.Null() : new RespReply.Bulk(bytes);
            }
            case '!' -> new RespReply.Error(utf8(blob(in)));
            case '=' -> {
                String text = utf8(blob(in));
                yield text.length() >= 4 && text.charAt(3) == ':' ? new RespReply.Verbatim(text.substring(0, 3),
                        text.substring(4)) : new RespReply.Verbatim("txt", text);
            }
            case ',' -> new RespReply.Double(in.readDoubleCrLf());
            case '#' -> new RespReply.Boolean(in.readBooleanCrLf());
            case '(' -> new RespReply.BigNumber(new BigInteger(utf8(in.readLineBytes())));
            case '_' -> {
                in.readLineBytes();
                yield new RespReply.Null();
            }
            case '*', '~', '>' -> {
                int count = in.readIntCrLf();
                if (count < 0) {
                    yield new RespReply.Null();
                }
                List<RespReply> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                yield new RespReply.Array(type == '*' ? RespReply.Array.Kind.ARRAY
                        : type == '~' ? RespReply.Array.Kind.SET : RespReply.Array.Kind.PUSH, items);
            }
            case '%', '|' -> {
                int count = in.readIntCrLf();
                List<RespReply.Entry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    entries.add(new RespReply.Entry(read(in), read(in)));
                }
                // an attribute (|) only annotates the reply that follows it
                yield type == '%' ? new RespReply.Map(entries) : read(in);
            }
            default -> throw new JedisConnectionException("Unknown reply: " + (char) type);
        };
    }

    private static byte[] blob(RedisInputStream in) {
        int length = in.readIntCrLf();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        while (at < length) {
            int n = in.read(bytes, at, length - at);
            if (n < 0) {
                throw new JedisConnectionException("Redis closed the connection in a reply");
            }
            at += n;
        }
        in.readByte(); // CR
        in.readByte(); // LF
        return bytes;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
