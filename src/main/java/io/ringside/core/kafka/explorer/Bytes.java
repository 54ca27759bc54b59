package io.ringside.core.kafka.explorer;

/** Substring search on raw bytes, so a filter can reject most records before decoding any. */
final class Bytes {

    private Bytes() {
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        if (needle.length == 0) {
            return true;
        }
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
