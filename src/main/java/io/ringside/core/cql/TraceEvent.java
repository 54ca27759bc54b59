package io.ringside.core.cql;

/** One step of a traced query: which node did what, how long after the query reached it. */
public record TraceEvent(String source, int elapsedMicros, String activity, String thread) {
}
