package io.ringside.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.pm25.Pm25Format;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeJobsGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kind detection on generated files and the form's checks, without a server. */
class NewLoadViewModelTest {

    @TempDir
    Path dir;

    private final FakeJobsGateway gateway = new FakeJobsGateway();
    private final NewLoadViewModel form = new JobsViewModel(gateway, new CurrentThreadTaskExecutor(),
            new FakeDialogService()).newLoad();

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path csv(String name, List<String> header, String row) throws IOException {
        return Files.writeString(dir.resolve(name), String.join(",", header) + "\n" + row + "\n");
    }

    private static byte[] idx(int items, int declared) {
        byte[] bytes = new byte[8 + items];
        bytes[2] = 0x08;
        bytes[3] = 1;
        bytes[7] = (byte) declared;
        return bytes;
    }

    @Test
    void detectsIdxPm25FormatsAndFallsBackToBinary() throws IOException {
        assertEquals("idx", LoadDetector.detect(write("labels-idx1-ubyte", idx(5, 5))).options()
                .get(JobOptions.DATASET_KIND));
        LoadDetector.DetectedLoad daily = LoadDetector.detect(csv("daily.csv", Pm25Format.DAILY.columns(),
                "2024-01-01,10,Dongsi,12,8"));
        assertEquals(JobKind.LOAD_PM25, daily.kind());
        assertEquals(Pm25Format.DAILY, daily.format());
        assertFalse(daily.needsLocation());
        LoadDetector.DetectedLoad single = LoadDetector.detect(csv("single.csv", Pm25Format.PRSA_SINGLE.columns(), "1"));
        assertEquals(Pm25Format.PRSA_SINGLE, single.format());
        assertTrue(single.needsLocation());
        LoadDetector.DetectedLoad binary = LoadDetector.detect(write("blob.bin", new byte[] {1, 2, 3, 0, 7}));
        assertEquals(JobKind.LOAD_DATASET, binary.kind());
        assertEquals("binary", binary.options().get(JobOptions.DATASET_KIND));
    }

    @Test
    void aBrokenIdxFileOrAMissingFileIsAnErrorNamingTheFile() throws IOException {
        Path truncated = write("short-idx1-ubyte", idx(3, 9));
        RuntimeException e = assertThrows(RuntimeException.class, () -> LoadDetector.detect(truncated));
        assertTrue(e.getMessage().contains("short-idx1-ubyte"), e.getMessage());

        form.open(dir.resolve("missing.csv"));
        assertTrue(form.errorProperty().get().contains("missing.csv"), form.errorProperty().get());
        assertNull(form.detectedProperty().get());
    }

    @Test
    void aDatasetLoadNeedsAValidNameAndTakesARateLimit() throws IOException {
        form.start(() -> Optional.of(dir.resolve("blob.bin")));
        assertTrue(form.errorProperty().get().contains("blob.bin"), "not written yet: " + form.errorProperty().get());
        write("my blob.bin", new byte[] {9, 9, 9});
        form.start(() -> Optional.of(dir.resolve("my blob.bin")));
        assertEquals("my-blob", form.nameProperty().get());

        form.nameProperty().set("no spaces allowed");
        form.submit();
        assertFalse(form.errorProperty().get().isEmpty());
        assertTrue(gateway.submitted.isEmpty());

        form.nameProperty().set("blob");
        form.optionProperty().set("-3");
        form.submit();
        assertTrue(form.errorProperty().get().contains("Rate limit"), form.errorProperty().get());

        form.optionProperty().set("2.5");
        form.submit();
        JobRequest request = gateway.submitted.get(0);
        assertEquals(JobKind.LOAD_DATASET, request.kind());
        assertEquals(List.of(dir.resolve("my blob.bin").toAbsolutePath().toString()), request.source());
        assertEquals("blob", request.option(JobOptions.NAME));
        assertEquals("2.5", request.option(JobOptions.RATE_MBPS));
        assertEquals("binary", request.option(JobOptions.DATASET_KIND));
        assertFalse(form.openProperty().get(), "closed once submitted");
    }

    @Test
    void aSingleSitePm25FileNeedsItsLocation() throws IOException {
        Path file = csv("site.csv", Pm25Format.PRSA_SINGLE.columns(), "1");
        form.open(file);
        form.submit();
        assertTrue(form.errorProperty().get().contains("location"), form.errorProperty().get());
        assertTrue(gateway.submitted.isEmpty());

        form.locationProperty().set("Shunyi");
        form.optionProperty().set("5%");
        form.submit();
        JobRequest request = gateway.submitted.get(0);
        assertEquals(JobKind.LOAD_PM25, request.kind());
        assertEquals("prsa-single", request.option(JobOptions.FORMAT));
        assertEquals("Shunyi", request.option(JobOptions.LOCATION));
        assertEquals("5.0", request.option(JobOptions.MAX_REJECTED));
    }
}
