package io.ringside.core.redis;

import java.util.Map;

/**
 * The server panel's INFO summary.
 *
 * @param mode     {@code standalone}, {@code cluster} or {@code sentinel}
 * @param maxMemory bytes, {@code 0} for no limit
 * @param keyspace per database ({@code db0}, ...): keys, keys with a TTL, average TTL
 */
public record ServerSummary(String version, String mode, String role, long uptimeSeconds, long usedMemory,
                            long maxMemory, String evictionPolicy, long connectedClients, long opsPerSecond,
                            Map<String, DbKeys> keyspace) {

    public record DbKeys(long keys, long expires, long avgTtlMs) {
    }

    public static ServerSummary of(InfoSnapshot info) {
        Map<String, DbKeys> keyspace = new java.util.TreeMap<>();
        info.fields().forEach((name, value) -> {
            if (name.matches("db\\d+")) {
                Map<String, Long> parts = new java.util.HashMap<>();
                for (String part : value.split(",")) {
                    String[] kv = part.split("=", 2);
                    if (kv.length == 2) {
                        try {
                            parts.put(kv[0], Long.parseLong(kv[1]));
                        } catch (NumberFormatException e) {
                            parts.put(kv[0], 0L);
                        }
                    }
                }
                keyspace.put(name, new DbKeys(parts.getOrDefault("keys", 0L), parts.getOrDefault("expires", 0L),
                        parts.getOrDefault("avg_ttl", 0L)));
            }
        });
        return new ServerSummary(info.text("redis_version"), info.text("redis_mode"), info.text("role"),
                info.number("uptime_in_seconds"), info.number("used_memory"), info.number("maxmemory"),
                info.text("maxmemory_policy"), info.number("connected_clients"),
                info.number("instantaneous_ops_per_sec"), keyspace);
    }
}
