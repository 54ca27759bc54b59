package io.ringside.core.jobs;

import io.ringside.core.NamedThreads;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import io.ringside.core.kafka.KnownTopics;
import io.ringside.core.kafka.Spool;
import io.ringside.core.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a process's progress events to {@code ringside.jobs.progress} from a thread of its own,
 * so a slow or dead broker never slows a load. While Kafka is away, events go to the spool file
 * {@code <data>/spool/ringside.jobs.progress.jsonl} in order and are forwarded when it is back
 * (by this publisher, or by the next process that calls {@link #forwardSpool}), except events of a
 * job whose end is already on the topic. The buffers are
 * bounded: past {@value #MAX_QUEUED} queued or {@value #MAX_SPOOLED} spooled events, running
 * events are dropped (and counted); a final event is always kept.
 */
public final class ProgressPublisher implements AutoCloseable {

    static final int MAX_QUEUED = 10_000;
    static final int MAX_SPOOLED = 2_000;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Map<String, Object> kafka;
    private final Spool spool;
    private final BlockingDeque<ProgressEvent> queue = new LinkedBlockingDeque<>();
    private final List<Consumer<ProgressEvent>> taps = new CopyOnWriteArrayList<>();
    /** Each job's latest event here (a few small records per job this process ran). */
    private final Map<UUID, ProgressEvent> latest = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Thread sender;
    private volatile boolean online;
    private volatile long lastAttempt;
    private volatile boolean closing;
    private volatile boolean idle = true;
    private final AtomicInteger spooled = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final KnownTopics known;
    private KafkaProducer<String, String> producer;
    /**
     * Guards {@link #waiting} and {@link #wokenByClose}: {@link #close()} interrupts the sender only
     * while it waits for an event (a command's exit waited up to 200 ms for that wait to end), never
     * while it sends, and the sender clears that interrupt before it goes on.
     */
    private final Object waitLock = new Object();
    private boolean waiting;
    private boolean wokenByClose;

    /**
     * @param startOffline true when the caller already knows Kafka is unreachable: events go
     *                     straight to the spool instead of waiting for a send to time out
     */
    public ProgressPublisher(Map<String, Object> kafka, Path dataFolder, boolean startOffline) {
        this(kafka, dataFolder, startOffline, new KnownTopics());
    }

    /** @param known the topics its owner (a worker, the command that runs it) ensured already */
    public ProgressPublisher(Map<String, Object> kafka, Path dataFolder, boolean startOffline, KnownTopics known) {
        this.kafka = kafka;
        this.known = known;
        this.spool = new Spool(dataFolder, Topics.JOB_PROGRESS);
        this.spooled.set(spool.size());
        this.online = !startOffline;
        this.lastAttempt = startOffline ? System.nanoTime() : System.nanoTime() - RETRY_NANOS;
        this.sender = NamedThreads.daemon("ringside-progress-publisher", this::run);
        sender.start();
    }

    /** Queues an event (never blocks) and hands it to the in-process listeners. */
    public void publish(ProgressEvent event) {
        if (!event.terminal() && queue.size() >= MAX_QUEUED) {
            dropped.incrementAndGet();
        } else {
            idle = false;
            queue.add(event);
        }
        latest.merge(event.jobId(), event, (had, now) -> now.seq() >= had.seq() ? now : had);
        for (Consumer<ProgressEvent> tap : taps) {
            tap.accept(event);
        }
    }

    /**
     * The job's latest event published here. A tap hears only what comes after it; a command that
     * starts following a job its own worker already runs (the standby worker's job, followed once
     * Kafka went away) would otherwise never hear an end published before it looked.
     */
    public Optional<ProgressEvent> latest(UUID jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }

    /** Listens to every event this process publishes, whether or not Kafka takes it. */
    public AutoCloseable tap(Consumer<ProgressEvent> listener) {
        taps.add(listener);
        return () -> taps.remove(listener);
    }

    /** False once a send failed, until the spool was forwarded again. */
    public boolean online() {
        return online;
    }

    public Path spoolFile() {
        return spool.file();
    }

    public long dropped() {
        return dropped.get();
    }

    public long sent() {
        return sent.get();
    }

    /** Waits until every queued event was sent or spooled; true when that happened in time. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(idle && queue.isEmpty() && inFlight.get() == 0)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    /**
     * True when Kafka acknowledged every event published here so far: none is queued, in flight
     * or kept in the spool. After {@link #awaitIdle} it says that a final event published here is
     * on the topic, without a consumer reading it back.
     */
    public boolean allDelivered() {
        return online && idle && queue.isEmpty() && inFlight.get() == 0 && spooled.get() == 0;
    }

    /**
     * Forwards the progress spool of a data folder (events of processes that ended while Kafka was
     * away); returns how many are still waiting.
     */
    public static int forwardSpool(Map<String, Object> kafka, Path dataFolder) {
        Spool spool = new Spool(dataFolder, Topics.JOB_PROGRESS);
        if (spool.size() == 0) {
            return 0;
        }
        try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka)) {
            JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT);
            return spool.drain(lines -> sendAll(kafka, producer, lines));
        } catch (RingsideException | org.apache.kafka.common.KafkaException e) {
            return spool.size();
        }
    }

    /**
     * Sends spooled lines in order. An event is left out when the topic already holds its job's
     * final event or an event of the same or a later {@code seq}: a job whose end was recorded
     * by another worker while these events waited (for instance in the spool of a host that was
     * cut off) keeps exactly one final event, and its {@code seq} never goes back.
     */
    private static int sendAll(Map<String, Object> kafka, KafkaProducer<String, String> producer, List<String> lines) {
        Map<UUID, OnTopic> onTopic = new HashMap<>();
        int count = 0;
        for (String line : lines) {
            try {
                ProgressEvent event = Json.mapper().readValue(line, ProgressEvent.class);
                OnTopic mark = onTopic.computeIfAbsent(event.jobId(), id -> OnTopic.read(kafka, id));
                if (mark.admits(event)) {
                    producer.send(new ProducerRecord<>(Topics.JOB_PROGRESS, event.jobId().toString(), line))
                            .get(KafkaClients.SEND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
                    mark.sent(event);
                }
            } catch (JsonProcessingException e) {
                // an unreadable line would block the spool for ever; it is dropped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            } catch (Exception e) {
                return count;
            }
            count++;
        }
        return count;
    }

    /** Where a job stands on the topic: the highest seq there and whether it has a final event. */
    private static final class OnTopic {
        private long highestSeq;
        private boolean ended;

        static OnTopic read(Map<String, Object> kafka, UUID jobId) {
            OnTopic mark = new OnTopic();
            mark.highestSeq = -1;
            JobHistory.eventsOf(kafka, jobId, Instant.now().minus(JobTopics.HISTORY)).forEach(mark::sent);
            return mark;
        }

        boolean admits(ProgressEvent event) {
            return !ended && event.seq() > highestSeq;
        }

        void sent(ProgressEvent event) {
            highestSeq = Math.max(highestSeq, event.seq());
            ended |= event.terminal();
        }
    }

    private void run() {
        if (online) {
            try {
                producer();
            } catch (RuntimeException e) {
                online = false;
                lastAttempt = System.nanoTime();
            }
        }
        while (!closing || !queue.isEmpty()) {
            ProgressEvent event;
            boolean wait;
            synchronized (waitLock) {
                wait = !closing;
                waiting = wait;
            }
            try {
                event = wait ? queue.poll(200, TimeUnit.MILLISECONDS) : queue.poll();
            } catch (InterruptedException e) {
                event = queue.poll();
                closing = true;
            } finally {
                synchronized (waitLock) {
                    waiting = false;
                    if (wokenByClose) {
                        wokenByClose = false;
                        Thread.interrupted(); // close()'s, also when the wait ended before it came
                    }
                }
            }
            if (event == null) {
                idle = true;
            }
            if ((!online || spooled.get() > 0) && System.nanoTime() - lastAttempt >= RETRY_NANOS && !closing) {
                forwardOwnSpool();
            }
            if (event != null) {
                deliver(event);
                if (queue.isEmpty()) {
                    idle = true;
                }
            }
        }
        idle = true;
    }

    /**
     * Sends asynchronously (the idempotent producer keeps a partition's records in order), so a
     * burst of events is not paced by round trips; an event whose send fails is spooled, and so
     * is everything after it until the spool has been forwarded.
     */
    private void deliver(ProgressEvent event) {
        String json = encode(event);
        if (online && spooled.get() == 0) {
            try {
                inFlight.incrementAndGet();
                producer().send(new ProducerRecord<>(Topics.JOB_PROGRESS, event.jobId().toString(), json), (meta, error) -> {
                    if (error == null) {
                        sent.incrementAndGet();
                    } else {
                        online = false;
                        lastAttempt = System.nanoTime();
                        keep(event, json);
                    }
                    inFlight.decrementAndGet();
                });
                return;
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                online = false;
                lastAttempt = System.nanoTime();
            }
        }
        keep(event, json);
    }

    private synchronized void keep(ProgressEvent event, String json) {
        if (event.terminal() || spooled.get() < MAX_SPOOLED) {
            spool.append(json);
            spooled.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
    }

    private void forwardOwnSpool() {
        lastAttempt = System.nanoTime();
        try {
            KafkaProducer<String, String> p = producer();
            if (inFlight.get() > 0) {
                return;
            }
            int left = spool.drain(lines -> {
                int n = sendAll(kafka, p, lines);
                sent.addAndGet(n);
                return n;
            });
            spooled.set(left);
            online = left == 0;
        } catch (RuntimeException e) {
            online = false;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT, known);
            producer = KafkaClients.producer(kafka);
        }
        return producer;
    }

    private static String encode(ProgressEvent event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new RingsideException("Cannot encode progress event " + event, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends or spools what is queued (a few seconds at most), then stops; nothing final is lost. */
    @Override
    public void close() {
        synchronized (waitLock) {
            closing = true;
            if (waiting) {
                wokenByClose = true;
                sender.interrupt();
            }
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProgressEvent left;
        while ((left = queue.poll()) != null) {
            if (left.terminal()) {
                spool.append(encode(left));
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
