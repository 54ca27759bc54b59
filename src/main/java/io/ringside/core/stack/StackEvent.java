package io.ringside.core.stack;

/**
 * One step of a server's life, for progress displays: the CLI prints it, the console shows it per
 * server, a detached supervisor streams it to the {@code stack up --detach} that launched it.
 *
 * @param server  {@code cassandra-1}, {@code cassandra-2}, {@code kafka} or {@code redis}
 * @param phase   where the server is
 * @param detail  what it is doing right now, for people
 * @param elapsedMillis time since this server's current action (start or stop) began
 * @param atMillis      when it happened (epoch milliseconds): a console that attaches to a running
 *                      supervisor is sent its earlier events again, and logging them at the time
 *                      they arrived dated a start of minutes ago to the moment of attaching
 */
public record StackEvent(String server, Phase phase, String detail, long elapsedMillis, long atMillis) {

    /** An event happening now. */
    public StackEvent(String server, Phase phase, String detail, long elapsedMillis) {
        this(server, phase, detail, elapsedMillis, System.currentTimeMillis());
    }

    public enum Phase {
        PENDING, RESOLVING, CONFIGURING, STARTING, READY, STOPPING, STOPPED, FAILED;

        public boolean terminal() {
            return this == READY || this == STOPPED || this == FAILED;
        }
    }

    public String describe() {
        return String.format("%-12s %-11s %6.1fs  %s", server, phase.name().toLowerCase(), elapsedMillis / 1000.0,
                detail == null ? "" : detail);
    }
}
