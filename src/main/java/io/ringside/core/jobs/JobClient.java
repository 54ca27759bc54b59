package io.ringside.core.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.Json;
import io.ringside.core.NamedThreads;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.KnownTopics;
import io.ringside.core.kafka.SharedProducer;
import io.ringside.core.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * What the CLI and the console do with jobs: submit a request (with its {@code queued} event),
 * cancel, follow one job's events to its final one, and list the last day's jobs. All of it goes
 * through the topics; nothing here talks to a worker directly.
 */
public final class JobClient {

    /** How long without a record before the feed is probed; a probe that times out means offline. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(5);
    /** How long a job that has no event yet may stay unknown when it is followed. */
    static final Duration UNKNOWN_AFTER = Duration.ofSeconds(5);
    /** How long a cancel waits for the job's end: a killed worker leaves the group when its session (10 s) expires. */
    static final Duration WORKER_GONE_AFTER = Duration.ofSeconds(20);

    private final Map<String, Object> kafka;
    private final Path dataFolder;
    private final Clock clock;
    private final KnownTopics known;

    public JobClient(Map<String, Object> kafka, Path dataFolder) {
        this(kafka, dataFolder, new KnownTopics());
    }

    /** @param known the topics the command ensured already (its audit log and worker share them) */
    public JobClient(Map<String, Object> kafka, Path dataFolder, KnownTopics known) {
        this(kafka, dataFolder, Clock.systemUTC(), known);
    }

    /** @param clock stamps requests, cancels and ends, and places the start of the history window */
    public JobClient(Map<String, Object> kafka, Path dataFolder, Clock clock) {
        this(kafka, dataFolder, clock, new KnownTopics());
    }

    private JobClient(Map<String, Object> kafka, Path dataFolder, Clock clock, KnownTopics known) {
        this.kafka = kafka;
        this.dataFolder = dataFolder;
        this.clock = clock;
        this.known = known;
    }

    /**
     * Loads and initialises the Kafka client classes a submit uses (the protocol's message
     * schemas, the clients' configuration definitions: over a thousand classes, most of a second
     * on a busy machine) on a thread of its own, so that a command loads them while it reads its
     * profile and stack state instead of after. Touches no broker.
     */
    public static void preloadInBackground() {
        NamedThreads.daemon("ringside-kafka-preload", () -> {
            ClassLoader loader = JobClient.class.getClassLoader();
            for (String name : List.of("org.apache.kafka.common.protocol.ApiKeys",
                    "org.apache.kafka.clients.admin.AdminClientConfig", "org.apache.kafka.clients.admin.KafkaAdminClient",
                    "org.apache.kafka.clients.producer.ProducerConfig", "org.apache.kafka.clients.producer.KafkaProducer",
                    "org.apache.kafka.clients.consumer.ConsumerConfig", "org.apache.kafka.clients.consumer.KafkaConsumer")) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    return; // only a head start: the clients load what they need themselves
                }
            }
        }).start();
    }

    public static String currentUser() {
        return System.getProperty("user.name");
    }

    /** A request for this user, now, with a fresh job id, of no particular profile; not yet submitted. */
    public JobRequest request(JobKind kind, List<String> source, Map<String, String> options) {
        return request(kind, source, options, null, false);
    }

    /**
     * A request for this user, now, with a fresh job id, carrying the submitting profile and its
     * read-only flag for the worker to check; not yet submitted.
     */
    public JobRequest request(JobKind kind, List<String> source, Map<String, String> options, String profile,
                              boolean readOnly) {
        return new JobRequest(UUID.randomUUID(), kind, source, options, currentUser(), clock.instant(), profile,
                readOnly);
    }

    /**
     * A request for this user, now, with a fresh job id, for the kind of job {@code options} are
     * for, carrying the submitting profile and its read-only flag; not yet submitted.
     */
    public JobRequest request(List<String> source, JobOptions options, String profile, boolean readOnly) {
        return JobRequest.of(UUID.randomUUID(), source, options, currentUser(), clock.instant(), profile, readOnly);
    }

    /**
     * Publishes the request and its {@code queued} event (both acknowledged before this returns).
     *
     * @throws ReadOnlyProfileException when the request is a read-only profile's and its job writes (nothing is
     *                                   published)
     * @throws BackendUnavailableException when Kafka does not answer within a few seconds
     */
    public void submit(JobRequest request) {
        try (SharedProducer producer = new SharedProducer(kafka)) {
            submit(request, producer);
        }
    }

    /**
     * As {@link #submit(JobRequest)}, with the command's producer, which stays open for what the
     * command sends next (its audit record); the audit topic is ensured with the job topics, in
     * the same admin round trip.
     */
    public void submit(JobRequest request, SharedProducer producer) {
        request.checkAllowed("start a " + request.kind().label() + " job");
        try {
            known.ensure(kafka, JobTopics.with(List.of(AuditLog.TOPIC)), KafkaClients.SEND_TIMEOUT);
            ProgressPublisher.forwardSpool(kafka, dataFolder);
            String key = request.jobId().toString();
            send(producer.get(), new ProducerRecord<>(Topics.JOB_REQUESTS, key, encode(request)));
            send(producer.get(), new ProducerRecord<>(Topics.JOB_PROGRESS, key,
                    encode(ProgressEvent.queued(request, clock.instant()))));
        } catch (KafkaException e) {
            throw JobHistory.unreachable(kafka, e);
        }
    }

    /**
     * Asks the workers to stop the job at its next chunk, and waits up to {@link #WORKER_GONE_AFTER}
     * for its final event. A job that no worker runs any more (none is left in the group: its
     * worker was killed and nobody took it over) would never answer, so the cancel ends it itself
     * with a final {@code cancelled} event; a worker that starts later finds that end on record and
     * does not run the job.
     *
     * @throws NotFoundException for a job with no event in the last day
     */
    public CancelOutcome cancel(UUID jobId) {
        ProgressEvent latest = latest(jobId).orElseThrow(() -> unknown(jobId));
        if (latest.terminal()) {
            return new CancelOutcome(latest, latest, false);
        }
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka)) {
            send(producer, new ProducerRecord<>(Topics.JOB_CONTROL, jobId.toString(),
                    encode(new JobControl(jobId, JobControl.CANCEL, currentUser(), clock.instant()))));
            long deadline = System.nanoTime() + WORKER_GONE_AFTER.toNanos();
            while (true) {
                if (!workerAlive()) {
                    ProgressEvent now = latest(jobId).orElse(latest);
                    if (now.terminal()) {
                        return new CancelOutcome(latest, now, false);
                    }
                    ProgressEvent end = new ProgressEvent(jobId, now.seq() + 1, clock.instant(), now.kind(), now.source(),
                            now.requestedBy(), JobState.CANCELLED, JobState.CANCELLED.label(), now.unit(), now.done(),
                            now.total(), null, 0.0, now.errors(), now.rejected(), now.p50Ms(), now.p99Ms(),
                            "cancelled by " + currentUser() + ": no worker was running it");
                    send(producer, new ProducerRecord<>(Topics.JOB_PROGRESS, jobId.toString(), encode(end)));
                    return new CancelOutcome(latest, end, true);
                }
                Optional<ProgressEvent> now = latest(jobId).filter(ProgressEvent::terminal);
                if (now.isPresent() || System.nanoTime() > deadline) {
                    return new CancelOutcome(latest, now.orElse(null), false);
                }
                Thread.sleep(1_000);
            }
        } catch (KafkaException e) {
            throw JobHistory.unreachable(kafka, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CancelOutcome(latest, null, false);
        }
    }

    public Optional<ProgressEvent> latest(UUID jobId) {
        forwardSpool();
        return JobHistory.latest(kafka, jobId, clock.instant().minus(JobTopics.HISTORY));
    }

    /** The newest event of every job of the last day, newest first. */
    public List<ProgressEvent> list() {
        forwardSpool();
        return JobHistory.latestPerJob(kafka, clock.instant().minus(JobTopics.HISTORY));
    }

    /** Sends spooled progress events of processes that ran while Kafka was away; best effort. */
    public int forwardSpool() {
        return ProgressPublisher.forwardSpool(kafka, dataFolder);
    }

    /**
     * Follows a job from its first event of the last day until its final one, handing each new
     * event (by seq) to {@code onEvent}; works the same for a job that already ended.
     *
     * @param timeout   null to wait as long as it takes
     * @param localFeed this process's publisher when it runs the job itself: its events are
     *                  followed as well, so the job is still followed when Kafka goes away
     * @param onOffline told once when the feed goes offline
     */
    public FollowResult follow(UUID jobId, Duration timeout, ProgressPublisher localFeed,
                               Consumer<ProgressEvent> onEvent, Runnable onOffline) {
        BlockingQueue<ProgressEvent> local = new LinkedBlockingQueue<>();
        AutoCloseable tap = localFeed == null ? () -> { } : localFeed.tap(e -> {
            if (e.jobId().equals(jobId)) {
                local.add(e);
            }
        });
        if (localFeed != null) {
            localFeed.latest(jobId).ifPresent(local::add); // what it published before this follow (seq dedups)
        }
        long started = System.nanoTime();
        long deadline = timeout == null ? Long.MAX_VALUE : started + timeout.toNanos();
        ProgressEvent last = null;
        boolean offline = false;
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka); tap) {
            TopicPartition partition;
            try {
                Optional<TopicPartition> found = JobHistory.partitionOf(consumer, jobId);
                if (found.isEmpty() && localFeed == null) {
                    return new FollowResult(FollowResult.Outcome.UNKNOWN, null);
                }
                partition = found.orElseThrow(() -> new KafkaException("no partitions of " + Topics.JOB_PROGRESS));
                JobHistory.seek(consumer, List.of(partition), clock.instant().minus(JobTopics.HISTORY));
            } catch (KafkaException e) {
                if (localFeed == null) {
                    return new FollowResult(FollowResult.Outcome.OFFLINE, null);
                }
                offline = true;
                onOffline.run();
                partition = null;
            }
            long lastRecord = System.nanoTime();
            while (true) {
                if (!offline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        lastRecord = System.nanoTime();
                        Optional<ProgressEvent> event = JobHistory.decode(record.value())
                                .filter(e -> e.jobId().equals(jobId));
                        if (event.isPresent() && (last == null || event.get().seq() > last.seq())) {
                            last = event.get();
                            onEvent.accept(last);
                        }
                    }
                    if (System.nanoTime() - lastRecord > PROBE_AFTER.toNanos()) {
                        lastRecord = System.nanoTime();
                        if (!reachable(consumer, partition)) {
                            offline = true;
                            onOffline.run();
                            if (localFeed == null) {
                                return new FollowResult(FollowResult.Outcome.OFFLINE, last);
                            }
                        }
                    }
                } else {
                    ProgressEvent event = local.poll(100, TimeUnit.MILLISECONDS);
                    if (event != null && (last == null || event.seq() > last.seq())) {
                        last = event;
                        onEvent.accept(last);
                    }
                }
                if (!offline) {
                    local.clear(); // while Kafka is up its copies of the events are the ones shown
                }
                if (last != null && last.terminal()) {
                    return new FollowResult(FollowResult.Outcome.FINISHED, last);
                }
                if (last == null && localFeed == null && System.nanoTime() - started > UNKNOWN_AFTER.toNanos()) {
                    return new FollowResult(FollowResult.Outcome.UNKNOWN, null);
                }
                if (System.nanoTime() > deadline) {
                    return new FollowResult(FollowResult.Outcome.TIMED_OUT, last);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FollowResult(FollowResult.Outcome.TIMED_OUT, last);
        } catch (KafkaException e) {
            return new FollowResult(FollowResult.Outcome.OFFLINE, last);
        } catch (Exception e) {
            throw new RingsideException("Following job " + jobId + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean reachable(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        try {
            consumer.endOffsets(List.of(partition), Duration.ofSeconds(3));
            return true;
        } catch (KafkaException e) {
            return false;
        }
    }

    /**
     * True when the progress topic answers within a few seconds. A consumer that lost its broker
     * keeps retrying without a word, so a screen that follows the feed asks this to say "offline".
     */
    public boolean feedReachable() {
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka)) {
            List<TopicPartition> partitions = JobHistory.partitions(consumer);
            consumer.endOffsets(partitions, Duration.ofSeconds(3));
            return !partitions.isEmpty();
        } catch (KafkaException e) {
            return false;
        }
    }

    /**
     * The request of a job of the last day as it was submitted (options included), read back from
     * the requests topic: what a retry resubmits, also for a job another process started.
     */
    public Optional<JobRequest> requestOf(UUID jobId) {
        try {
            return JobHistory.requestOf(kafka, jobId, clock.instant().minus(JobTopics.HISTORY));
        } catch (KafkaException e) {
            throw JobHistory.unreachable(kafka, e);
        }
    }

    /** True when the workers' group has at least one member (a worker is alive somewhere). */
    public boolean workerAlive() {
        Map<String, Object> props = new java.util.HashMap<>(kafka);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(Worker.GROUP)).all()
                    .get(6, TimeUnit.SECONDS).get(Worker.GROUP);
            return group != null && !group.members().isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    static NotFoundException unknown(UUID jobId) {
        return new NotFoundException("No job " + jobId + " in the last " + JobTopics.HISTORY.toHours() + " h of "
                + Topics.JOB_PROGRESS);
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(KafkaClients.SEND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("interrupted while sending to " + record.topic(), e);
        } catch (Exception e) {
            throw new BackendUnavailableException("Kafka did not take a record for " + record.topic() + ": "
                    + e.getMessage(), e);
        }
    }

    static String encode(Object message) {
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new RingsideException("Cannot encode " + message, e);
        }
    }
}
