package io.ringside.core.data.dataset;

/**
 * How a file is cut into chunks and chunks into partitions.
 *
 * <p>Slice rule: every raw slice is {@value #RAW_SLICE_BYTES} bytes (5 MiB − 64 KiB), the last one
 * shorter. zlib's worst case for incompressible input (its {@code deflateBound}) adds well under
 * 2 KiB to a slice of that size, plus 18 bytes of gzip header and trailer, so every chunk stays
 * at most {@value #MAX_CHUNK_BYTES} bytes compressed whatever the data; the store still checks
 * each chunk against the limit rather than trusting the arithmetic.
 *
 * <p>Bucket rule: {@code bucket = seq / chunksPerBucket}, with as many chunks per bucket as fit
 * into ~100 MB of raw data (19 slices, 98 MB), which keeps each Cassandra partition under the
 * recommended 100 MB; bucket 0 holds everything of a file up to that size. The figure is
 * recorded in each manifest, so a later change of this rule does not strand stored versions.
 */
public final class ChunkLayout {

    public static final int MAX_CHUNK_BYTES = 5 * 1024 * 1024;
    public static final int RAW_SLICE_BYTES = MAX_CHUNK_BYTES - 64 * 1024;
    public static final long BUCKET_RAW_BYTES = 100_000_000L;
    public static final ChunkLayout DEFAULT = new ChunkLayout(RAW_SLICE_BYTES,
            (int) Math.max(1, BUCKET_RAW_BYTES / RAW_SLICE_BYTES));

    private final int sliceBytes;
    private final int chunksPerBucket;

    public ChunkLayout(int sliceBytes, int chunksPerBucket) {
        if (sliceBytes <= 0 || chunksPerBucket <= 0) {
            throw new IllegalArgumentException("slice size and chunks per bucket must be positive");
        }
        this.sliceBytes = sliceBytes;
        this.chunksPerBucket = chunksPerBucket;
    }

    public int sliceBytes() {
        return sliceBytes;
    }

    public int chunksPerBucket() {
        return chunksPerBucket;
    }

    public int bucketOf(int seq) {
        return seq / chunksPerBucket;
    }

    /** Number of chunks a file of this size is cut into; an empty file has none. */
    public int chunkCount(long rawBytes) {
        long count = (rawBytes + sliceBytes - 1) / sliceBytes;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("file too large: " + rawBytes + " bytes");
        }
        return (int) count;
    }

    /** Buckets that may hold chunks of a version with this many chunks (at least bucket 0). */
    public int bucketCount(int chunkCount) {
        return Math.max(1, (chunkCount + chunksPerBucket - 1) / chunksPerBucket);
    }
}
