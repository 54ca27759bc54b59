package io.ringside.core.data.dataset;

import io.ringside.core.ByteSize;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@code datasets.dataset}: what a version holds and whether it may be read.
 * {@code rawBytes} and {@code chunkCount} are the planned figures while a version is loading and
 * the written ones once it is complete.
 */
public record DatasetManifest(String name, int version, String kind, DatasetStatus status, long rawBytes,
                              int chunkCount, int chunkSize, String sha256, Map<String, String> meta,
                              Instant created) {

    public static final String META_CHUNKS_PER_BUCKET = "layout.chunks_per_bucket";
    public static final String META_FAILURE = "failure";
    public static final String META_DEGRADED = "consistency.degraded";
    public static final String META_SOURCE = "source.file";
    public static final String META_JOB_ID = "job.id";
    public static final String META_RESUMED = "job.resumed_chunks";
    /** When the load writing a {@code loading} version last said it was alive (ISO instant). */
    public static final String META_ALIVE_AT = "load.alive_at";

    public boolean complete() {
        return status == DatasetStatus.COMPLETE;
    }

    /** The layout this version was written with (recorded in meta, so old versions stay readable). */
    public ChunkLayout layout() {
        String perBucket = meta.get(META_CHUNKS_PER_BUCKET);
        int chunksPerBucket = perBucket != null ? Integer.parseInt(perBucket)
                : (int) Math.max(1, ChunkLayout.BUCKET_RAW_BYTES / Math.max(1, chunkSize));
        return new ChunkLayout(Math.max(1, chunkSize), chunksPerBucket);
    }

    public String describe() {
        return name + " version " + version;
    }

    /**
     * A version's size as messages say it, {@code 26.4 MB in 3 chunks}: in the one unit system of
     * {@link ByteSize}, where "3 chunks, 26412236 bytes" left the reader to count digits.
     */
    public static String size(long rawBytes, long chunks) {
        return String.format(Locale.ROOT, "%s in %,d %s", ByteSize.format(rawBytes), chunks, chunks == 1 ? "chunk" : "chunks");
    }
}
