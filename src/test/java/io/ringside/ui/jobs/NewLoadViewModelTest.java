package io.ringside.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** The form's checks on generated files, without a server (detection itself: {@code LoadDetectorTest}). */
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

    @Test
    void aMissingFileIsAnErrorNamingTheFile() {
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
