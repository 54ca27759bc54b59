package io.ringside.core.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ringside.core.connect.Backends;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Fashion-MNIST training images (Debian package {@code dataset-fashion-mnist}) through
 * the store. Skipped when the package is absent, except under {@code CI=true}, where the CI
 * script installs it and its absence is a failure.
 */
@ExtendWith(SharedStack.class)
class DatasetFashionMnistTest {

    private static final Path TRAIN_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    @Test
    void trainImagesLoadWithTheirShapeAndExportByteIdentical(TestStack stack, @TempDir Path dir) {
        if (!Files.isRegularFile(TRAIN_IMAGES)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(TRAIN_IMAGES + " is missing; .ci/run installs the dataset-fashion-mnist package");
            }
            Assumptions.abort("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        }
        String name = DatasetFixtures.uniqueName("fashion-mnist-train");
        try (Backends backends = stack.backends()) {
            DatasetStore store = new DatasetStore(backends.cql());
            LoadResult result = store.load(name, TRAIN_IMAGES, DatasetKind.AUTO, ProgressListener.NONE);

            DatasetManifest manifest = store.manifest(name, result.version()).orElseThrow();
            assertEquals(DatasetStatus.COMPLETE, manifest.status());
            assertEquals("idx", manifest.kind());
            assertEquals("60000", manifest.meta().get("idx.count"));
            assertEquals("28x28", manifest.meta().get("idx.dims"));
            assertEquals("ubyte", manifest.meta().get("idx.dtype"));
            assertTrue(result.chunks() >= 5, "26 MB in chunks under 5 MiB: " + result.chunks());

            Path exported = dir.resolve("train-images-idx3-ubyte.gz");
            store.export(name, null, exported, ProgressListener.NONE);
            assertEquals(DatasetFixtures.sha256(TRAIN_IMAGES), DatasetFixtures.sha256(exported));
            assertEquals(result.sha256(), DatasetFixtures.sha256(exported));
            store.delete(name, null);
        }
    }
}
