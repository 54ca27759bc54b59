package io.ringside.core.kafka.explorer;

/**
 * Substring search on raw bytes, so a filter can reject most records before decoding any. The
 * needle is prepared once per search (Boyer-Moore-Horspool): in JSON the first byte of a quoted
 * needle is a quote that occurs every few bytes, so a first-byte scan stops far more often than
 * a scan that compares the needle's last byte and skips by the table.
 */
final class Bytes {

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
}
