package io.ringside.core.jobs;

import io.ringside.core.NamedThreads;
import io.ringside.core.Json;
import io.ringside.core.data.DataServices;
import io.ringside.core.kafka.KnownTopics;
import io.ringside.core.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Runs the jobs of {@code ringside.jobs.requests} as a member of the consumer group
 * {@value #GROUP}, so several workers share the requests. A request's partition is paused while
 * its job runs (the consumer keeps polling, so the group does not think it dead) and its offset
 * is committed only once the job's final event is on the progress topic: a worker killed mid-job,
 * or one that cannot reach Kafka at the end, leaves the request to whoever gets the partition
 * next, which reads the job's record (its events, this data folder's spool, the dataset version
 * of the job) and continues it, or only confirms its end, never running a finished job again. A
 * partition taken away by a rebalance suspends its job the same way. Every worker also reads all
 * of {@code ringside.jobs.control} for cancels, including those sent before a job reached it.
 */
public final class Worker implements AutoCloseable {

    public static final String GROUP = "ringside-workers";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** How long a process being ended waits for its jobs to be suspended and the group left. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(8);
    private static final long RETRY_MS = 2_000;

    private final Map<String, Object> kafka;
    private final Path dataFolder;
    private final JobRunner runner;
    private final ProgressPublisher publisher;
    private final boolean ownsPublisher;
    private final int concurrency;
    private final Consumer<String> log;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<TopicPartition, JobRunner.RunningJob> running = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Map.Entry<TopicPartition, Long>> completions = new ConcurrentLinkedQueue<>();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    private final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();
    private final Thread requests;
    private final Thread control;
    private final Thread shutdownHook = NamedThreads.daemon("ringside-worker-shutdown", this::close);
    private volatile boolean closing;
    private boolean closed;
    private volatile KafkaConsumer<String, String> requestConsumer;
    private volatile KafkaConsumer<String, String> controlConsumer;
    /**
     * Guards {@link #polling}: {@link #close()} wakes the request consumer only while it waits in
     * its poll. A wake-up that came as the poll returned stays pending until the next call that can
     * meet it: a commit takes it and commits again ({@link #commit}); the consumer's close (the
     * leave) turns wake-ups off first.
     */
    private final Object pollLock = new Object();
    private boolean polling;

    /**
     * @param publisher the process's progress publisher, or null for one of the worker's own
     * @param log       one line per job started and ended (the CLI prints them on stderr)
     */
    public Worker(DataServices services, Path dataFolder, String profile, int concurrency, ProgressPublisher publisher,
                  Consumer<String> log) {
        this(services, dataFolder, profile, concurrency, publisher, log, Clock.systemUTC());
    }

    /** @param clock stamps the events of the jobs it runs and paces their running events */
    public Worker(DataServices services, Path dataFolder, String profile, int concurrency, ProgressPublisher publisher,
                  Consumer<String> log, Clock clock) {
        this(services, dataFolder, profile, concurrency, publisher, log, clock, new KnownTopics());
    }

    /** @param known the topics its owner (the command it runs in) ensured already */
    Worker(DataServices services, Path dataFolder, String profile, int concurrency, ProgressPublisher publisher,
           Consumer<String> log, Clock clock, KnownTopics known) {
        this.clock = clock;
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency);
        }
        this.kafka = services.backends().kafkaProperties();
        this.dataFolder = dataFolder;
        this.runner = new JobRunner(services, dataFolder, profile);
        this.ownsPublisher = publisher == null;
        this.publisher = publisher == null ? new ProgressPublisher(kafka, dataFolder, false, known) : publisher;
        this.concurrency = concurrency;
        this.log = log;
        this.pool = Executors.newFixedThreadPool(concurrency, NamedThreads.daemons("ringside-job"));
        JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT, known);
        ProgressPublisher.forwardSpool(kafka, dataFolder);
        this.control = NamedThreads.daemon("ringside-worker-control", this::readControl);
        this.requests = NamedThreads.daemon("ringside-worker-requests", this::pollRequests);
        control.start();
        requests.start();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public ProgressPublisher publisher() {
        return publisher;
    }

    /** Jobs this worker ran to a final event. */
    public int jobsFinished() {
        return finished.get();
    }

    /** The request partitions this worker holds now. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    private void pollRequests() {
        try (KafkaConsumer<String, String> consumer = KafkaClients.groupMember(kafka, GROUP)) {
            requestConsumer = consumer;
            consumer.subscribe(List.of(Topics.JOB_REQUESTS), new Rebalance());
            while (!closing) {
                commitFinished(consumer);
                Set<TopicPartition> assigned = consumer.assignment();
                Set<TopicPartition> busy = new HashSet<>(running.keySet());
                busy.retainAll(assigned);
                if (running.size() >= concurrency) {
                    consumer.pause(assigned);
                } else {
                    consumer.pause(busy);
                    Set<TopicPartition> free = new HashSet<>(assigned);
                    free.removeAll(busy);
                    consumer.resume(free);
                }
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                synchronized (pollLock) {
                    if (closing) {
                        break;
                    }
                    polling = true;
                }
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    // taken: close() woke the poll, the loop ends below
                } finally {
                    synchronized (pollLock) {
                        polling = false;
                    }
                }
                for (ConsumerRecord<String, String> record : records) {
                    start(consumer, record);
                }
            }
            suspendAll(running.values());
            awaitStopped();
            commitFinished(consumer);
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            log.accept("worker: request consumer stopped: " + e.getMessage());
        }
    }

    private void start(KafkaConsumer<String, String> consumer, ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<JobRequest> parsed = decode(record.value());
        if (parsed.isEmpty()) {
            log.accept("worker: skipping an unreadable request at " + partition + "@" + record.offset());
            commit(consumer, partition, record.offset());
            return;
        }
        JobRequest request = parsed.get();
        JobRunner.RunningJob job = new JobRunner.RunningJob(request);
        if (cancelled.contains(request.jobId())) {
            job.cancel();
        }
        running.put(partition, job);
        consumer.pause(List.of(partition));
        pool.execute(() -> {
            try {
                if (run(job)) {
                    completions.add(Map.entry(partition, record.offset()));
                }
            } finally {
                running.remove(partition, job);
            }
        });
    }

    /**
     * Runs the job unless its record says it ended; true when it has a final event on the topic,
     * so its request may be committed. False when it was suspended (or handed over while its final
     * event waited for Kafka): its request stays for the next owner of the partition, which finds
     * the outcome on record and does not run it again.
     */
    private boolean run(JobRunner.RunningJob job) {
        JobRequest request = job.request;
        Optional<JobRecord> read = recordOf(job);
        if (read.isEmpty()) {
            return false;
        }
        JobRecord record = read.get();
        Optional<ProgressEvent> ended = record.ended();
        if (ended.isPresent()) {
            log.accept("job " + request.jobId() + " already ended (" + ended.get().state().label() + "), skipped");
            return awaitFinalOnTopic(job, false);
        }
        boolean resumed = record.started();
        JobReporter reporter = new JobReporter(request, record.nextSeq(), publisher, clock);
        ProgressEvent end;
        try {
            end = runner.recordedEnd(job, reporter);
            if (end == null) {
                log.accept("job " + request.jobId() + " " + request.kind().label() + " " + request.source()
                        + (resumed ? " (taking over at seq " + record.nextSeq() + ")" : "") + ": started");
                reporter.running(JobProgress.of("start", JobUnit.BYTES, 0, 0)
                        .message(resumed ? "resumed by another worker" : null));
                end = runner.run(job, reporter);
            }
        } catch (Throwable e) {
            end = reporter.finish(JobState.FAILED, "worker error: " + JobRunner.reasonOf(e));
        }
        if (end == null) {
            log.accept("job " + request.jobId() + ": suspended, left for the next worker");
            return false;
        }
        finished.incrementAndGet();
        log.accept("job " + request.jobId() + ": " + end.state().label() + " - " + end.headline());
        return awaitFinalOnTopic(job, true);
    }

    /**
     * The job's record; while the progress topic cannot be read it asks again every
     * {@value #RETRY_MS} ms (running a job whose outcome is unknown could run it twice). Empty
     * when the job was suspended meanwhile.
     */
    private Optional<JobRecord> recordOf(JobRunner.RunningJob job) {
        boolean told = false;
        while (!closing && !job.handedOver()) {
            try {
                return Optional.of(JobRecord.read(kafka, dataFolder, job.request));
            } catch (RuntimeException e) {
                if (!told) {
                    log.accept("job " + job.request.jobId() + ": its record cannot be read (" + e.getMessage()
                            + "); asking again every " + RETRY_MS / 1000 + " s");
                    told = true;
                }
                pause();
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until the job's final event is on the progress topic: sent by this worker's publisher,
     * or forwarded from the spool once Kafka is back. Only then may its request be committed.
     *
     * @param publishedHere true when this worker's publisher published the final event: once Kafka
     *                      acknowledged everything it published, the event is on the topic and is
     *                      not read back (a consumer of its own, which a command's exit waited for)
     */
    private boolean awaitFinalOnTopic(JobRunner.RunningJob job, boolean publishedHere) {
        if (publisher.awaitIdle(Duration.ofSeconds(20)) && publishedHere && publisher.allDelivered()) {
            return true;
        }
        while (!closing && !job.handedOver()) {
            try {
                if (JobRecord.endedOnTopic(kafka, job.request)) {
                    return true;
                }
                ProgressPublisher.forwardSpool(kafka, dataFolder);
            } catch (RuntimeException e) {
                // Kafka is away: the final event waits in the spool
            }
            pause();
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitFinished(KafkaConsumer<String, String> consumer) {
        for (Map.Entry<TopicPartition, Long> done; (done = completions.poll()) != null; ) {
            if (consumer.assignment().contains(done.getKey())) {
                commit(consumer, done.getKey(), done.getValue());
            }
        }
    }

    /** Commits a request whose job's final event is on the topic (or an unreadable request). */
    private void commit(KafkaConsumer<String, String> consumer, TopicPartition partition, long offset) {
        try {
            try {
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)), Duration.ofSeconds(10));
            } catch (WakeupException e) {
                // close() woke the consumer as it committed, or as its last poll returned (the final
                // commit of the jobs it stopped, or an unreadable request's): the wake-up is taken now
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)), Duration.ofSeconds(10));
            }
        } catch (KafkaException e) {
            log.accept("worker: could not commit " + partition + "@" + offset + " (" + e.getMessage()
                    + "); the next owner will see the job ended and skip it");
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assignment.removeAll(partitions);
            List<JobRunner.RunningJob> handedOver = partitions.stream().map(running::get)
                    .filter(java.util.Objects::nonNull).toList();
            suspendAll(handedOver);
            if (requestConsumer != null) {
                commitFinished(requestConsumer);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment.addAll(partitions);
        }
    }

    private static void suspendAll(Collection<JobRunner.RunningJob> jobs) {
        jobs.forEach(JobRunner.RunningJob::suspend);
    }

    private void awaitStopped() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void readControl() {
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka)) {
            controlConsumer = consumer;
            if (closing) {
                return;
            }
            TopicPartition partition = new TopicPartition(Topics.JOB_CONTROL, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (!closing) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decodeControl(record.value()).filter(c -> JobControl.CANCEL.equals(c.action())).ifPresent(c -> {
                        cancelled.add(c.jobId());
                        running.values().stream().filter(j -> j.request.jobId().equals(c.jobId()))
                                .forEach(JobRunner.RunningJob::cancel);
                    });
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            if (!closing) {
                log.accept("worker: control consumer stopped: " + e.getMessage());
            }
        }
    }

    private static Optional<JobRequest> decode(String json) {
        try {
            return Optional.of(Json.mapper().readValue(json, JobRequest.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<JobControl> decodeControl(String json) {
        try {
            return Optional.of(Json.mapper().readValue(json, JobControl.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * Suspends running jobs (another worker continues them), leaves the group and stops. Also run
     * by a shutdown hook: a process ended by SIGTERM (a console closed with {@code kill}) would
     * otherwise stay a member of the group until its session times out, and a command submitting
     * meanwhile would see a live worker that never takes its job. The wake-up only ends the poll
     * the loop waits in (a command's exit waited up to 200 ms for it): the loop then suspends the
     * jobs before it leaves the group, since leaving first would let another worker start them
     * while they still run here.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean exiting = Thread.currentThread() == shutdownHook;
        if (!exiting) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs, and waits for this close
            }
        }
        synchronized (pollLock) {
            closing = true;
            // the polls end now rather than after up to 200 ms each: a command's exit waited for them
            if (polling) {
                requestConsumer.wakeup();
            }
        }
        KafkaConsumer<String, String> controlReader = controlConsumer;
        if (controlReader != null) {
            controlReader.wakeup(); // no group to leave: a wake-up it meets in its close is harmless
        }
        try {
            // the JVM ends when its hooks do: a console whose own stack stops in another hook may have
            // lost Kafka, and a leave-group nobody answers must not hold the exit for the close's 45 s
            requests.join(exiting ? EXIT_WAIT.toMillis() : STOP_WAIT.toMillis() + 15_000);
            control.join(exiting ? 1_000 : 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsPublisher) {
            publisher.close();
        }
    }
}
