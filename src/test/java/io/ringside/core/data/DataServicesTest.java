package io.ringside.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.LoadResult;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Samples;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The wiring between stores and cache: what an import or a delete changes leaves the cache. */
@ExtendWith(SharedStack.class)
class DataServicesTest {

    private static final String HYDERABAD = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";

    @Test
    void anImportDeletesTheCachedYearsItWrote(TestStack stack) {
        try (DataServices services = new DataServices(stack.backends()); Jedis redis = stack.redis()) {
            services.pm25Importer().run(List.of(Pm25Samples.daily()), Pm25ImportOptions.defaults(), p -> { });
            Pm25Trend first = services.pm25Cache().trend(HYDERABAD, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), false);
            assertEquals(9, first.days().size());
            assertEquals(HYDERABAD, first.days().get(0).location());
            assertTrue(redis.exists(Pm25Cache.key(HYDERABAD, 2025)));
            assertEquals(CacheOutcome.HIT, services.pm25Cache()
                    .trend(HYDERABAD, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), false).outcome());

            services.pm25Importer().run(List.of(Pm25Samples.daily()), Pm25ImportOptions.defaults(), p -> { });
            assertFalse(redis.exists(Pm25Cache.key(HYDERABAD, 2025)), "the import must delete the year's key");
            Pm25Trend after = services.pm25Cache().trend(HYDERABAD, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), false);
            assertEquals(CacheOutcome.MISS, after.outcome());
            assertEquals(first.days(), after.days());
        }
    }

    @Test
    void deletingADatasetDropsItsCachedChunks(TestStack stack, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("blob.bin");
        byte[] bytes = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        String name = "cached-" + UUID.randomUUID().toString().substring(0, 8);
        try (DataServices services = new DataServices(stack.backends()); Jedis redis = stack.redis()) {
            LoadResult loaded = services.datasetStore().load(name, file, DatasetKind.BINARY, p -> { });
            DatasetChunkCache chunks = services.datasetChunkCache();
            assertEquals(CacheOutcome.MISS, chunks.chunk(name, loaded.version(), 0).outcome());
            assertEquals(CacheOutcome.HIT, chunks.chunk(name, loaded.version(), 0).outcome());
            assertTrue(redis.exists(DatasetChunkCache.chunkKey(name, loaded.version(), 0)));

            services.deleteDataset(name, null);
            assertFalse(redis.exists(DatasetChunkCache.chunkKey(name, loaded.version(), 0)));
            assertTrue(chunks.chunk(name, loaded.version(), 0).value().isEmpty(), "a deleted chunk is not served");
        }
    }
}
