package io.ringside.core.jobs;

import io.ringside.core.NamedThreads;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.LoadControl;
import io.ringside.core.data.dataset.ProgressListener;
import io.ringside.core.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code bench progress}: (1) how long a progress event takes from being published to being
 * received by a subscriber of the topic, through the same publisher the workers use; (2) what
 * reporting costs a real load: the same file loaded as a job (events, latency timing, Kafka) and
 * as a bare store load without any listener, interleaved, medians compared.
 */
public final class ProgressBenchmark {

    /** The figures: latency in ms, rates in MB/s, cost in percent of the bare load's rate. */
    public record Figures(int events, double p50Ms, double p99Ms, double maxMs, long bytes, int rounds,
                          double withEventsMbPerSecond, double withoutEventsMbPerSecond) {
        public double costPercent() {
            return 100.0 * (1 - withEventsMbPerSecond / withoutEventsMbPerSecond);
        }
    }

    static final int WARMUP_EVENTS = 20;

    private final DataServices services;
    private final Path dataFolder;
    private final Consumer<String> log;

    public ProgressBenchmark(DataServices services, Path dataFolder, Consumer<String> log) {
        this.services = services;
        this.dataFolder = dataFolder;
        this.log = log;
    }

    public Figures run(Path file, int events, Duration spacing, int rounds) throws Exception {
        Histogram latency = latency(events, spacing);
        log.accept(String.format("latency: %d events, p50 %.2f ms, p99 %.2f ms", events,
                latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3));
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        try (ProgressPublisher publisher = new ProgressPublisher(services.backends().kafkaProperties(), dataFolder, false)) {
            log.accept(String.format("warm-up: %.1f MB/s with events, %.1f MB/s without", loadAsJob(file, publisher),
                    loadBare(file)));
            for (int round = 0; round < rounds; round++) {
                boolean withFirst = round % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    boolean asJob = (side == 0) == withFirst;
                    double rate = asJob ? loadAsJob(file, publisher) : loadBare(file);
                    (asJob ? with : without).add(rate);
                    log.accept(String.format("round %d %s events: %.1f MB/s", round + 1, asJob ? "with" : "without", rate));
                }
            }
        }
        return new Figures(events, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                latency.getMaxValue() / 1e3, Files.size(file), rounds, median(with), median(without));
    }

    /**
     * Publishes events of one synthetic job and times each from its ts to its arrival (µs); the
     * first {@value #WARMUP_EVENTS} are not counted (connections and metadata being set up).
     */
    private Histogram latency(int events, Duration spacing) throws Exception {
        Map<String, Object> kafka = services.backends().kafkaProperties();
        JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT);
        JobRequest request = new JobRequest(UUID.randomUUID(), JobKind.WARM, List.of(), Map.of(),
                JobClient.currentUser(), Instant.now());
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean subscribed = new AtomicBoolean();
        Thread subscriber = NamedThreads.daemon("bench-progress-subscriber", () -> {
            try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka)) {
                TopicPartition partition = new TopicPartition(Topics.JOB_PROGRESS,
                        JobTopics.partitionOf(request.jobId(), JobTopics.PARTITIONS));
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                subscribed.set(true);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (received.get() < events + WARMUP_EVENTS && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        Instant arrived = Instant.now();
                        JobHistory.decode(record.value()).filter(e -> e.jobId().equals(request.jobId())).ifPresent(e -> {
                            if (e.seq() >= WARMUP_EVENTS) {
                                histogram.recordValue(Math.max(0, Duration.between(e.ts(), arrived).toNanos() / 1000));
                            }
                            received.incrementAndGet();
                        });
                    }
                }
            }
        });
        subscriber.start();
        while (!subscribed.get()) {
            Thread.sleep(10);
        }
        try (ProgressPublisher publisher = new ProgressPublisher(kafka, dataFolder, false)) {
            JobReporter reporter = new JobReporter(request, 0, publisher, Clock.systemUTC());
            for (int i = 0; i < events + WARMUP_EVENTS; i++) {
                reporter.finish(JobState.RUNNING, JobProgress.of("bench", JobUnit.ROWS, i, events + WARMUP_EVENTS));
                TimeUnit.NANOSECONDS.sleep(spacing.toNanos());
            }
            publisher.awaitIdle(Duration.ofSeconds(30));
        }
        subscriber.join(TimeUnit.MINUTES.toMillis(2));
        if (received.get() < events + WARMUP_EVENTS) {
            throw new IllegalStateException("only " + received.get() + " of " + events + " events arrived");
        }
        return histogram;
    }

    private double loadAsJob(Path file, ProgressPublisher publisher) {
        String name = scratchName();
        JobRequest request = new JobRequest(UUID.randomUUID(), JobKind.LOAD_DATASET, List.of(file.toString()),
                Map.of(JobOptions.NAME, name), JobClient.currentUser(), Instant.now());
        long started = System.nanoTime();
        ProgressEvent end;
        JobReporter reporter = new JobReporter(request, 1, publisher, Clock.systemUTC());
        end = new JobRunner(services, dataFolder, "bench").run(new JobRunner.RunningJob(request), reporter);
        publisher.awaitIdle(Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        services.deleteDataset(name, null);
        if (end == null || end.state() != JobState.SUCCEEDED) {
            throw new IllegalStateException("the benchmark load failed: " + (end == null ? "suspended" : end.message()));
        }
        return end.total() / 1e6 / seconds;
    }

    private double loadBare(Path file) throws java.io.IOException {
        String name = scratchName();
        long started = System.nanoTime();
        services.datasetStore().load(name, file, DatasetKind.AUTO, ProgressListener.NONE, LoadControl.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        services.deleteDataset(name, null);
        return Files.size(file) / 1e6 / seconds;
    }

    private static String scratchName() {
        return "bench-progress-" + Long.toString(System.nanoTime(), 36);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
