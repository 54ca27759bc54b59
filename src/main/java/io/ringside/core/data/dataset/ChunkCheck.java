package io.ringside.core.data.dataset;

import java.io.IOException;

/**
 * The one definition of an intact chunk, shared by the load's read-back and by {@code verify}:
 * present, a gzip member that decompresses to the recorded length, with the recorded sha-256.
 */
final class ChunkCheck {

    /** A chunk that is not intact, by seq. */
    static final class BadChunkException extends RuntimeException {
        final int seq;

        BadChunkException(int seq, String reason) {
            super("chunk " + seq + ": " + reason);
            this.seq = seq;
        }

        String reason() {
            return getMessage().substring(getMessage().indexOf(": ") + 2);
        }
    }

    private ChunkCheck() {
    }

    /** The row of a chunk as the load wrote it: present, with the sizes and sha-256 it was sent with. */
    static void requireRow(int seq, ChunkTable.StoredChunk stored, int rawBytes, int gzBytes, String sha) {
        if (stored == null) {
            throw new BadChunkException(seq, "missing after its write was acknowledged");
        }
        if (stored.rawBytes() != rawBytes || stored.gzBytes() != gzBytes || !sha.equals(stored.sha256())) {
            throw new BadChunkException(seq, "reads back as " + stored.rawBytes() + "/" + stored.gzBytes()
                    + " bytes with sha-256 " + stored.sha256() + ", written as " + rawBytes + "/" + gzBytes + " with " + sha);
        }
    }

    /**
     * @return the raw slice the chunk holds
     * @throws BadChunkException naming the seq and what is wrong
     */
    static byte[] requireIntact(int seq, ChunkTable.StoredChunk stored, int expectedRawBytes, String expectedSha) {
        if (stored == null) {
            throw new BadChunkException(seq, "missing");
        }
        if (!expectedSha.equals(stored.sha256()) || stored.rawBytes() != expectedRawBytes) {
            throw new BadChunkException(seq, "its row says " + stored.rawBytes() + " bytes with sha-256 " + stored.sha256()
                    + ", expected " + expectedRawBytes + " bytes with " + expectedSha);
        }
        if (stored.gzBytes() != stored.data().length) {
            throw new BadChunkException(seq, "holds " + stored.data().length + " bytes, gz_bytes says " + stored.gzBytes());
        }
        byte[] raw;
        try {
            raw = ChunkCodec.gunzip(stored.data(), expectedRawBytes);
        } catch (IOException e) {
            throw new BadChunkException(seq, "not a valid gzip member (" + e.getMessage() + ")");
        }
        if (raw.length != expectedRawBytes) {
            throw new BadChunkException(seq, "decompresses to " + (raw.length > expectedRawBytes ? "more than " : "")
                    + raw.length + " bytes, expected " + expectedRawBytes);
        }
        String sha = ChunkCodec.sha256(raw);
        if (!sha.equals(expectedSha)) {
            throw new BadChunkException(seq, "sha-256 " + sha + " does not match " + expectedSha);
        }
        return raw;
    }
}
