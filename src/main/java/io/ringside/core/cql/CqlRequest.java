package io.ringside.core.cql;

import java.nio.ByteBuffer;

/**
 * One run of one statement: at which consistency (a driver level name such as {@code LOCAL_ONE}),
 * traced or not, how many rows a page holds, the typed confirmation of a destructive statement
 * (null when none was typed), and the paging state of the page wanted (null for the first).
 */
public record CqlRequest(CqlStatement statement, String consistency, boolean trace, int pageSize,
                         String confirmation, ByteBuffer pagingState) {

    public static final int DEFAULT_PAGE_SIZE = 200;
    public static final String DEFAULT_CONSISTENCY = "LOCAL_ONE";

    public CqlRequest {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("A page holds at least one row, not " + pageSize);
        }
        consistency = consistency == null ? DEFAULT_CONSISTENCY : consistency;
        pagingState = pagingState == null ? null : pagingState.asReadOnlyBuffer();
    }

    public static CqlRequest of(CqlStatement statement) {
        return new CqlRequest(statement, DEFAULT_CONSISTENCY, false, DEFAULT_PAGE_SIZE, null, null);
    }

    public CqlRequest withConsistency(String level) {
        return new CqlRequest(statement, level, trace, pageSize, confirmation, pagingState);
    }

    public CqlRequest withTrace(boolean on) {
        return new CqlRequest(statement, consistency, on, pageSize, confirmation, pagingState);
    }

    public CqlRequest withPageSize(int rows) {
        return new CqlRequest(statement, consistency, trace, rows, confirmation, pagingState);
    }

    public CqlRequest confirmedWith(String typed) {
        return new CqlRequest(statement, consistency, trace, pageSize, typed, pagingState);
    }

    /** The same statement and settings, for the page {@code state} points at (no new trace). */
    public CqlRequest nextPage(ByteBuffer state) {
        return new CqlRequest(statement, consistency, false, pageSize, confirmation, state);
    }
}
