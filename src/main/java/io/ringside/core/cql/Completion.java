package io.ringside.core.cql;

/** One completion candidate: the text that replaces the word being typed, and what it is. */
public record Completion(String text, Kind kind, String detail) {

    public enum Kind { COLUMN, TABLE, KEYSPACE, FUNCTION, KEYWORD }
}
