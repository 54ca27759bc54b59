package io.ringside.core.data.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One slice of the Murmur3 token ring, {@code (start, end]}, numbered so a resumed export finds
 * the same slice under the same number.
 */
record TokenRange(int index, long start, long end) {

    /**
     * The ring cut into {@code count} even slices; the first starts after {@link Long#MIN_VALUE}
     * (a token Murmur3 never gives a key) and the last ends at {@link Long#MAX_VALUE}.
     */
    static List<TokenRange> split(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("token ranges: " + count);
        }
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        BigInteger span = BigInteger.ONE.shiftLeft(64);
        List<TokenRange> ranges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = min.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))).longValueExact();
            long end = i == count - 1 ? Long.MAX_VALUE
                    : min.add(span.multiply(BigInteger.valueOf(i + 1L)).divide(BigInteger.valueOf(count))).longValueExact();
            ranges.add(new TokenRange(i, start, end));
        }
        return ranges;
    }
}
