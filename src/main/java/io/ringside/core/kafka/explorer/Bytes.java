package io.ringside.core.kafka.explorer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Substring search on raw bytes, so a filter can reject most records before decoding any. The
 * needle is prepared once per search (Boyer-Moore-Horspool): in JSON the first byte of a quoted
 * needle is a quote that occurs every few bytes, so a first-byte scan stops far more often than
 * a scan that compares the needle's last byte and skips by the table. Records come as buffers on
 * the consumer's fetch response (no copy per record); a buffer is read by absolute index between
 * {@link #from} and {@link #to}, never moved.
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
        Arrays.fill(skip, Math.max(1, needle.length));
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
        return haystack != null && in(haystack, 0, haystack.length);
    }

    /** Whether the remaining bytes of {@code haystack} (null: no) contain the needle. */
    boolean in(ByteBuffer haystack) {
        ByteBuffer heap = onHeap(haystack);
        return heap != null && in(heap.array(), from(heap), to(heap));
    }

    /** Whether {@code haystack[from..to)} contains the needle. */
    boolean in(byte[] haystack, int from, int to) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        int last = n - 1;
        byte tail = needle[last];
        int end = to - n;
        int i = from;
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
     * Whether {@code bytes[from..to)} holds {@code b}, eight bytes at a time: this runs on every
     * record a prefilter rejects, so it must cost far less than the parse it saves.
     */
    static boolean contains(byte[] bytes, int from, int to, byte b) {
        long pattern = (b & 0xffL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ pattern;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == b) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code buffer} itself when its bytes are in an accessible array (always so for the heap
     * buffers the consumer reads responses into), else a copy that is; null for null.
     */
    static ByteBuffer onHeap(ByteBuffer buffer) {
        if (buffer == null || buffer.hasArray()) {
            return buffer;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return ByteBuffer.wrap(copy);
    }

    /** Where an {@link #onHeap} buffer's remaining bytes start in its array. */
    static int from(ByteBuffer heap) {
        return heap.arrayOffset() + heap.position();
    }

    /** Where an {@link #onHeap} buffer's remaining bytes end (exclusive) in its array. */
    static int to(ByteBuffer heap) {
        return heap.arrayOffset() + heap.limit();
    }

    /** The first {@code max} remaining bytes of {@code buffer} as an array of their own; null for null. */
    static byte[] copy(ByteBuffer buffer, int max) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer heap = onHeap(buffer);
        int from = from(heap);
        return Arrays.copyOfRange(heap.array(), from, from + Math.min(max, heap.remaining()));
    }
}
