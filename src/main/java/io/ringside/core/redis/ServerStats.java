package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The server panel's reads: INFO (summary and samples for the hit/miss chart), SLOWLOG and CLIENT
 * LIST. Read-only, so never guarded; polled by the console on a schedule off the FX thread.
 */
public final class ServerStats {

    /** One SLOWLOG entry: when, how long (µs), the command line (arguments escaped) and the client. */
    public record SlowEntry(long id, Instant at, long micros, String command, String client) {
    }

    private final Supplier<JedisPooled> server;
    private final Clock clock;

    public ServerStats(JedisPooled redis) {
        this(redis, Clock.systemUTC());
    }

    public ServerStats(JedisPooled redis, Clock clock) {
        this(() -> redis, clock);
    }

    /** Over whichever server {@code server} names at each call (a cluster's first master, which a failover changes). */
    public ServerStats(Supplier<JedisPooled> server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    public InfoSnapshot sample() {
        try {
            String info = server.get().info();
            return InfoSnapshot.parse(clock.instant(), info);
        } catch (JedisConnectionException e) {
            throw new BackendUnavailableException("Redis is unreachable: " + e.getMessage(), e);
        }
    }

    public ServerSummary summary() {
        return ServerSummary.of(sample());
    }

    public String evictionPolicy() {
        return sample().text("maxmemory_policy");
    }

    public List<SlowEntry> slowlog(int max) {
        Object reply = server.get().sendCommand(Protocol.Command.SLOWLOG, "GET", String.valueOf(max));
        List<SlowEntry> entries = new ArrayList<>();
        for (Object item : (List<?>) reply) {
            List<?> fields = (List<?>) item;
            StringBuilder command = new StringBuilder();
            for (Object arg : (List<?>) fields.get(3)) {
                if (command.length() > 0) {
                    command.append(' ');
                }
                command.append(KeyText.escape((byte[]) arg));
            }
            String client = fields.size() > 4 ? new String((byte[]) fields.get(4), StandardCharsets.UTF_8) : "";
            entries.add(new SlowEntry((Long) fields.get(0), Instant.ofEpochSecond((Long) fields.get(1)),
                    (Long) fields.get(2), command.toString(), client));
        }
        return entries;
    }

    /** CLIENT LIST, one map of {@code name=value} fields per connection. */
    public List<Map<String, String>> clients() {
        Object reply = server.get().sendCommand(Protocol.Command.CLIENT, "LIST");
        List<Map<String, String>> clients = new ArrayList<>();
        for (String line : new String((byte[]) reply, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String part : line.trim().split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            clients.add(fields);
        }
        return clients;
    }
}
