package io.ringside.core.data.cache;

import java.util.Optional;

/**
 * How the cache-aside stores a value in Redis: one byte saying whether the source had rows
 * ({@code 1}, followed by the codec's bytes) or not ({@code 0} alone, a negative entry that spares
 * the source repeated reads of nothing). The value viewer reads cached entries through this same
 * class, so what it shows is what a cache hit would have returned.
 */
public final class CacheEnvelope {

    private static final byte PRESENT = 1;
    private static final byte ABSENT = 0;

    private CacheEnvelope() {
    }

    /** The stored bytes of a value the source had. */
    public static byte[] present(byte[] encoded) {
        byte[] stored = new byte[encoded.length + 1];
        stored[0] = PRESENT;
        System.arraycopy(encoded, 0, stored, 1, encoded.length);
        return stored;
    }

    /** The stored bytes of a negative entry. */
    public static byte[] absent() {
        return new byte[] {ABSENT};
    }

    /** Whether {@code stored} is a negative entry: the source had no rows when it was read. */
    public static boolean isAbsent(byte[] stored) {
        return stored.length == 0 || stored[0] == ABSENT;
    }

    /** Whether {@code stored} starts the way an entry of this envelope does (a value, or a negative entry). */
    public static boolean looksStored(byte[] stored) {
        return stored.length == 0 || stored[0] == ABSENT && stored.length == 1 || stored[0] == PRESENT;
    }

    /**
     * The value in {@code stored}, empty for a negative entry.
     *
     * @throws RuntimeException whatever the codec throws for bytes it cannot decode
     */
    public static <T> Optional<T> open(byte[] stored, ValueCodec<T> codec) {
        if (isAbsent(stored)) {
            return Optional.empty();
        }
        return Optional.of(codec.decode(stored, 1, stored.length - 1));
    }

    /** The codec's bytes inside {@code stored} (a copy), for values that are bytes themselves. */
    public static byte[] payload(byte[] stored) {
        return isAbsent(stored) ? new byte[0] : java.util.Arrays.copyOfRange(stored, 1, stored.length);
    }
}
