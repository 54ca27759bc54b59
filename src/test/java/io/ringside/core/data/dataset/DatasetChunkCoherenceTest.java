package io.ringside.core.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.data.cache.CoherenceState;
import io.ringside.core.data.cache.CoherenceVerdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dataset chunk rule on its own: cached chunks against chunks in memory. */
class DatasetChunkCoherenceTest {

    private final Map<String, byte[]> chunks = new HashMap<>();
    private final DatasetChunkCoherence rule = new DatasetChunkCoherence(
            (name, version, seq) -> Optional.ofNullable(chunks.get(name + "/" + version + "/" + seq)));

    private static byte[] stored(int... values) {
        byte[] payload = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            payload[i] = (byte) values[i];
        }
        byte[] stored = new byte[payload.length + 1];
        stored[0] = 1;
        System.arraycopy(payload, 0, stored, 1, payload.length);
        return stored;
    }

    private CoherenceVerdict check(String key, byte[] stored) {
        return rule.check(key, stored).orElseThrow();
    }

    @Test
    void chunksAreComparedByteForByte() {
        chunks.put("fashion-train/2/7", new byte[] {1, 2, 3});
        String key = DatasetChunkCache.chunkKey("fashion-train", 2, 7);
        assertEquals(CoherenceState.FRESH, check(key, stored(1, 2, 3)).state());
        CoherenceVerdict stale = check(key, stored(1, 2, 4));
        assertEquals(CoherenceState.STALE, stale.state());
        assertEquals(List.of("chunk 7"), stale.differences());
        assertEquals(CoherenceState.STALE, check(key, new byte[] {0}).state(), "cached as absent, there now");
        assertEquals(CoherenceState.ORPHANED, check(DatasetChunkCache.chunkKey("gone", 1, 0), stored(1)).state());
        assertEquals(CoherenceState.FRESH, check(DatasetChunkCache.chunkKey("gone", 1, 0), new byte[] {0}).state());
        assertEquals(Optional.empty(), rule.check(DatasetChunkCache.metaKey("fashion", 2), stored(1)));
    }
}
