package io.ringside.core.cassandra;

import java.util.HexFormat;

/** The size of one blob value and its first bytes, for the cell an operator selected. */
public record BlobHead(long size, byte[] head) {

    public static final int HEAD_BYTES = 32;

    public BlobHead {
        head = head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** Hex pairs separated by spaces, with an ellipsis when the blob is longer than its head. */
    public String hex() {
        String pairs = HexFormat.ofDelimiter(" ").formatHex(head);
        return size > head.length ? pairs + " …" : pairs;
    }

    public String describe() {
        return ByteSizes.format(size) + (size == 0 ? "" : "  " + hex());
    }
}
