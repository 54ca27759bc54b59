package io.ringside.core.redis;

/**
 * How much a scan tells about each key. Redis runs every lookup on its one thread, so each piece
 * of metadata costs the whole listing: sizes (MEMORY USAGE) add about a third to a listing with
 * type and TTL, which is why the browser lists {@link #TYPE_TTL} and asks for the sizes of the
 * rows on screen only, while {@code keys} on the command line prints everything.
 */
public enum KeyDetail {
    /** Names only: type {@code null}, TTL and size {@code -1}; for counting and evicting. */
    NAMES,
    /** Type and TTL; size {@link KeyInfo#SIZE_NOT_FETCHED}. */
    TYPE_TTL,
    /** Type, TTL and MEMORY USAGE. */
    FULL
}
