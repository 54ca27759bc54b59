package io.ringside.core.connect;

/**
 * The Redis server a profile's commands go to now: its one server, or the master the sentinels
 * name, which changes with a failover.
 *
 * @param sentinelMaster the master name asked of the sentinels, or null for a server named directly
 */
public record RedisMaster(String host, int port, String sentinelMaster) {

    public boolean viaSentinel() {
        return sentinelMaster != null;
    }

    /** {@code 127.0.0.1:6390 via Sentinel ringside}, or {@code host:port} alone. */
    public String describe() {
        return host + ":" + port + (viaSentinel() ? " via Sentinel " + sentinelMaster : "");
    }
}
