package io.ringside.core.stack;

/**
 * A port the local stack could not have because something else held it when the stack started, and
 * the one it took instead. Said out loud (a start event, {@code stack up}, the Local stack page):
 * a client configured for the usual port would otherwise fail with nothing to explain why.
 *
 * @param server the server it belongs to ({@code cassandra-1}, {@code kafka}, {@code redis})
 * @param role   what the port is for ({@code CQL}, {@code Kafka listener}, ...)
 * @param wanted the port the stack asked for: the one it used last time, else the default
 * @param used   the port it listens on
 */
public record PortMove(String server, String role, int wanted, int used) {

    /** How a start event's detail begins when it reports a moved port. */
    public static final String PREFIX = "port moved: ";

    /** One line, e.g. {@code CQL port 9042 was in use, so cassandra-1 listens on 9043}. */
    public String describe() {
        return role + " port " + wanted + " was in use, so " + server + " listens on " + used;
    }

    /** The start event that reports it. */
    public StackEvent event() {
        return new StackEvent(server, StackEvent.Phase.PENDING, PREFIX + describe(), 0);
    }

    /** Whether {@code event} reports a moved port. */
    public static boolean reportedBy(StackEvent event) {
        return event.detail() != null && event.detail().startsWith(PREFIX);
    }
}
