package io.ringside.core.cassandra;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a reader is in a paged result. Cassandra's paging state only points forward, so going
 * back means replaying the state the previous page was fetched with: the cursor keeps the state of
 * every page from the first to the current one (a few hundred bytes each). Not thread-safe.
 */
public final class PageCursor {

    private final List<ByteBuffer> states = new ArrayList<>();
    private ByteBuffer next;

    public PageCursor() {
        states.add(null);
    }

    /** The paging state of the current page (null for the first page). */
    public ByteBuffer current() {
        return states.get(states.size() - 1);
    }

    /** 1-based number of the current page. */
    public int pageNumber() {
        return states.size();
    }

    /** Records what the current page said about its successor (null: it was the last page). */
    public void arrived(RowPage page) {
        next = page.next();
    }

    public boolean hasNext() {
        return next != null;
    }

    public boolean hasPrevious() {
        return states.size() > 1;
    }

    /** Moves to the next page; returns its paging state to fetch with. */
    public ByteBuffer forward() {
        if (next == null) {
            throw new IllegalStateException("Already on the last page");
        }
        states.add(next);
        next = null;
        return current();
    }

    /** Moves to the previous page; returns its paging state to fetch with. */
    public ByteBuffer back() {
        if (!hasPrevious()) {
            throw new IllegalStateException("Already on the first page");
        }
        states.remove(states.size() - 1);
        next = null;
        return current();
    }

    /** Back to the first page, for a new query. */
    public void reset() {
        states.clear();
        states.add(null);
        next = null;
    }
}
