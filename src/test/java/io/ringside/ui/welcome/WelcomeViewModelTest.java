package io.ringside.ui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.ui.stack.StackMode;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeJobsGateway;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {

    @TempDir
    Path data;

    private final FakeJobsGateway jobs = new FakeJobsGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final StackViewModel stack = new StackViewModel(new FakeStackGateway(), executor, new FakeDialogService(),
            Clock.systemUTC(), false);

    @BeforeEach
    void lookForTheStack() {
        stack.activate();
    }
    private final AtomicInteger jobsPageShown = new AtomicInteger();

    private WelcomeViewModel viewModel(Path fashionMnist) {
        WelcomeViewModel viewModel = new WelcomeViewModel(data, stack, jobs, executor, fashionMnist,
                jobsPageShown::incrementAndGet);
        viewModel.activate();
        return viewModel;
    }

    @Test
    void saysWhereTheDataGoesAndWhatTheConsoleIsDoing() {
        WelcomeViewModel viewModel = viewModel(data.resolve("absent.gz"));

        assertEquals(data.toAbsolutePath().toString(), viewModel.dataFolderProperty().get());
        assertEquals(stack.summaryProperty().get(), viewModel.activityProperty().get());
        assertTrue(viewModel.loadedProperty().get());
    }

    @Test
    void onAClusterProfileSampleDataCanBeSubmittedWithoutTheLocalStack() {
        WelcomeViewModel viewModel = viewModel(data.resolve("absent.gz"));

        viewModel.useProfile(ConnectionProfile.local().withId("staging", "Staging"));

        assertTrue(viewModel.canLoadSampleProperty().get());
        assertTrue(viewModel.activityProperty().get().contains("Staging"), viewModel.activityProperty().get());
        viewModel.loadSampleData();
        assertEquals(1, jobs.submitted.size());
    }

    @Test
    void sampleDataCannotBeSubmittedBeforeTheLocalStackIsUp() {
        WelcomeViewModel viewModel = viewModel(data.resolve("absent.gz"));

        assertEquals(StackMode.STOPPED, stack.modeProperty().get());
        assertFalse(viewModel.canLoadSampleProperty().get());
        viewModel.loadSampleData();

        assertTrue(jobs.submitted.isEmpty());
        assertEquals(0, jobsPageShown.get());
    }

    @Test
    void withoutFashionMnistOnlyThePm25SampleIsSubmittedAsAJobThenTheJobsPageShows() {
        WelcomeViewModel viewModel = viewModel(data.resolve("absent.gz"));
        stack.start();

        viewModel.loadSampleData();

        assertEquals(1, jobs.submitted.size());
        JobRequest pm25 = jobs.submitted.get(0);
        assertEquals(JobKind.LOAD_PM25, pm25.kind());
        assertEquals(List.of(), pm25.source(), "the built-in sample needs no file");
        assertEquals("true", pm25.options().get(JobOptions.SAMPLE));
        assertEquals(1, jobsPageShown.get());
        assertTrue(viewModel.messageProperty().get().contains("PM2.5 sample"), viewModel.messageProperty().get());
        assertTrue(viewModel.sampleNoteProperty().get().contains("dataset-fashion-mnist"),
                "says how to get Fashion-MNIST: " + viewModel.sampleNoteProperty().get());
        assertTrue(viewModel.canLoadSampleProperty().get(), "usable again once submitted");
    }

    @Test
    void fashionMnistIsSubmittedAsAnIdxDatasetWhenTheFileExists() throws IOException {
        Path images = Files.write(data.resolve("train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        WelcomeViewModel viewModel = viewModel(images);
        stack.start();

        viewModel.loadSampleData();

        assertTrue(viewModel.fashionMnistFoundProperty().get());
        assertEquals(List.of(JobKind.LOAD_PM25, JobKind.LOAD_DATASET), jobs.submitted.stream().map(JobRequest::kind).toList());
        JobRequest dataset = jobs.submitted.get(1);
        assertEquals(List.of(images.toAbsolutePath().toString()), dataset.source());
        assertEquals(WelcomeViewModel.FASHION_MNIST_DATASET, dataset.options().get(JobOptions.NAME));
        assertEquals("idx", dataset.options().get(JobOptions.DATASET_KIND));
        assertEquals(1, jobsPageShown.get());
    }

    @Test
    void aFailedSubmitSaysSoAndStaysOnThePage() {
        jobs.failSubmit = new IllegalStateException("Kafka at 127.0.0.1:9092 is not answering");
        WelcomeViewModel viewModel = viewModel(data.resolve("absent.gz"));
        stack.start();

        viewModel.loadSampleData();

        assertEquals(0, jobsPageShown.get());
        assertTrue(viewModel.errorProperty().get().startsWith("Not submitted: "), viewModel.errorProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("not answering"), viewModel.errorProperty().get());
        assertEquals("", viewModel.messageProperty().get());
    }
}
