package io.ringside.ui.cache;

import io.ringside.core.TtlText;
import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.redis.KeyText;
import io.ringside.core.redis.ReadableKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of the key browser. The TTL is kept as the moment the key expires, so one clock tick
 * counts every visible row down without a timer per row. The escaped key is not kept: the table
 * asks for it only for the rows on screen, and a million rows are 50 MB lighter without it. The
 * browser holds its rows in a {@link KeyRowList}; a row is what one of them looks like.
 *
 * @param expiresAtMs epoch milliseconds when the key expires, {@code -1} for none
 */
public record KeyRow(byte[] key, String type, long expiresAtMs, long bytes) {

    /** The key as {@code redis-cli} shows it ({@link KeyText#escape}). */
    public String displayKey() {
        return KeyText.escape(key);
    }

    /** The key as people read it: Ringside's own keys decoded ({@link ReadableKey}), others as {@link #displayKey()}. */
    public ReadableKey readableKey() {
        return ReadableKey.of(key);
    }

    KeyRow withExpiry(long expiresAtMs) {
        return new KeyRow(key, type, expiresAtMs, bytes);
    }

    boolean sameKey(byte[] other) {
        return Arrays.equals(key, other);
    }

    /** By content: the table's rows are built anew each time they are asked for ({@link KeyRowList}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRow other && Arrays.equals(key, other.key) && Objects.equals(type, other.type)
                && expiresAtMs == other.expiresAtMs && bytes == other.bytes;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Long.hashCode(expiresAtMs);
    }

    /** Remaining TTL at {@code nowMs} ({@link TtlText}); a key past its expiry reads "expired". */
    public String ttlText(long nowMs) {
        return expiresAtMs < 0 ? TtlText.of(-1) : TtlText.of(Math.max(0, expiresAtMs - nowMs));
    }

    public String sizeText() {
        return sizeText(bytes);
    }

    /** A MEMORY USAGE figure as the size column shows it; negative (the key went away) is "?". */
    static String sizeText(long bytes) {
        return bytes < 0 ? "?" : ByteSizes.format(bytes);
    }
}
