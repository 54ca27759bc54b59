package io.ringside.core.kafka.explorer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Substring search on raw bytes, so a filter can reject most records before decoding any. The
 * needle is prepared once per search (Boyer-Moore-Horspool): in JSON the first byte of a quoted
 * needle is a quote that occurs every few bytes, so a first-byte scan stops far more often than
 * a scan that compares the needle's last byte and skips by the table.
 */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] needle;
    private final int[] skip = new int[256];

    private Bytes(byte[] needle) {
        this.needle = needle.clone();
        int last = needle.length - 1;
        java.util.Arrays.fill(skip, Math.max(1, needle.length));
        for (int i = 0; i < last; i++) {
            skip[needle[i] & 0xff] = last - i;
        }
    }

    /** A finder for {@code needle}, to be reused for every record of a search. */
    static Bytes finder(byte[] needle) {
        return new Bytes(needle);
    }

    /** Whether {@code haystack} (null: no) contains the needle. */
    boolean in(byte[] haystack) {
        if (haystack == null) {
            return false;
        }
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        int last = n - 1;
        byte tail = needle[last];
        int end = haystack.length - n;
        int i = 0;
        while (i <= end) {
            byte b = haystack[i + last];
            if (b == tail && matchesAt(haystack, i, last)) {
                return true;
            }
            i += skip[b & 0xff];
        }
        return false;
    }

    private boolean matchesAt(byte[] haystack, int at, int last) {
        for (int j = 0; j < last; j++) {
            if (haystack[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code bytes} holds {@code b} anywhere, eight bytes at a time: this runs on every
     * record a prefilter rejects, so it must cost far less than the parse it saves.
     */
    static boolean contains(byte[] bytes, byte b) {
        long pattern = (b & 0xffL) * ONES;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ pattern;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return true;
            }
        }
        return false;
    }
}
