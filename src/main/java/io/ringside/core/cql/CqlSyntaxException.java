package io.ringside.core.cql;

import io.ringside.core.RingsideException;

/** CQL text that cannot be cut into statements (an unterminated string or comment), naming where. */
public final class CqlSyntaxException extends RingsideException {

    private final int line;

    public CqlSyntaxException(String message, int line) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
