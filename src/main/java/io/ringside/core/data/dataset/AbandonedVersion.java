package io.ringside.core.data.dataset;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import java.util.Map;

/**
 * Ends a version that will never be complete (a failed, cancelled, deleted or abandoned load):
 * its manifest row first says so, with the reason, then its chunks are dropped, so an interruption
 * between the two never leaves a readable version with chunks missing, and can be repeated.
 */
final class AbandonedVersion {

    private AbandonedVersion() {
    }

    static void mark(ManifestTable manifests, ChunkTable chunks, DatasetManifest manifest, DatasetStatus status,
                     String reason, ConsistencyLevel level) {
        manifests.setStatus(manifest.name(), manifest.version(), status, Map.of(DatasetManifest.META_FAILURE, reason),
                level);
        ChunkLayout layout = manifest.layout();
        for (int bucket = 0; bucket < layout.bucketCount(manifest.chunkCount()); bucket++) {
            chunks.deleteBucket(manifest.name(), manifest.version(), bucket, level);
        }
    }
}
