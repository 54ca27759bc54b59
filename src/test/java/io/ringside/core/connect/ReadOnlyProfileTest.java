package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.DataServices;
import io.ringside.core.data.cache.RateLimiter;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.pm25.Pm25Samples;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A read-only profile refuses every mutating service call in the core, and nothing is written. */
@ExtendWith(SharedStack.class)
class ReadOnlyProfileTest {

    private final SecretStore secrets = new SessionSecretStore(SecretPrompt.NONE);

    private Backends backends(TestStack stack, boolean readOnly) {
        ConnectionProfile profile = Profiles.of(readOnly ? "watch-only" : "admin", stack.state(), readOnly);
        return new Backends(Backends.endpointsOf(profile), profile, secrets);
    }

    @Test
    void datasetLoadAndDeleteAreRefusedAndChangeNothing(TestStack stack, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        String kept = "ro-kept-" + UUID.randomUUID().toString().substring(0, 8);
        String refused = "ro-new-" + UUID.randomUUID().toString().substring(0, 8);
        try (DataServices admin = new DataServices(backends(stack, false))) {
            admin.datasetStore().load(kept, file, DatasetKind.BINARY, p -> { });
        }

        try (DataServices watcher = new DataServices(backends(stack, true))) {
            ReadOnlyProfileException load = assertThrows(ReadOnlyProfileException.class,
                    () -> watcher.datasetStore().load(refused, file, DatasetKind.BINARY, p -> { }));
            assertTrue(load.getMessage().contains("load dataset " + refused), load.getMessage());
            assertTrue(load.getMessage().contains("'watch-only' is read-only"), load.getMessage());
            ReadOnlyProfileException delete = assertThrows(ReadOnlyProfileException.class,
                    () -> watcher.deleteDataset(kept, null));
            assertTrue(delete.getMessage().contains("delete dataset " + kept), delete.getMessage());

            List<String> names = watcher.datasetStore().list().stream().map(DatasetManifest::name).toList();
            assertTrue(names.contains(kept), "the refused delete must leave the dataset: " + names);
            assertFalse(names.contains(refused), "the refused load must write no version: " + names);
        }
    }

    @Test
    void importAndWarmUpAreRefused(TestStack stack) {
        try (DataServices watcher = new DataServices(backends(stack, true))) {
            assertThrows(ReadOnlyProfileException.class, watcher::pm25Importer);
            assertThrows(ReadOnlyProfileException.class, () -> watcher.cacheWarmer(new RateLimiter(10)));
        }
        try (DataServices admin = new DataServices(backends(stack, false))) {
            admin.pm25Importer();
            admin.cacheWarmer(new RateLimiter(10));
            assertEquals(9L, admin.pm25Importer().run(List.of(Pm25Samples.daily()),
                    io.ringside.core.data.pm25.Pm25ImportOptions.defaults(), p -> { }).rowsImported());
        }
    }
}
