package io.ringside.core.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * The audit trail of admin actions. An event is written to the spool on disk first and only then
 * forwarded to {@code ringside.audit}, so an action is never unaudited: when Kafka is away the
 * events wait in the spool, and whichever process records or flushes next forwards them, oldest
 * first. Forwarding is bounded in time, so an admin action never hangs on a dead broker.
 *
 * <p>Events are bounded ({@link AuditTarget}), and a spooled record Kafka will never take (too
 * large, invalid) is moved to the dead-letter file {@code <data>/spool/ringside.audit.dead.jsonl}
 * with the reason, so it never holds back the events behind it.
 */
public final class AuditLog {

    /** The audit topic: one partition (one order for the whole trail), kept 30 days. */
    public static final Topics.Spec TOPIC = new Topics.Spec(Topics.AUDIT, 1, Duration.ofDays(30));
    private static final Duration SEND_TIMEOUT = SharedProducer.SEND_TIMEOUT;
    private static final String DEAD_LETTERS = Topics.AUDIT + ".dead";

    private final Spool spool;
    private final Spool deadLetters;
    private final Map<String, Object> kafkaProperties;
    private final String profile;
    private final String user;
    private final Clock clock;
    private final SharedProducer shared;
    private final KnownTopics known;
    private volatile String waitingReason;
    private volatile int deadLettered;

    /** @param kafkaProperties null when no Kafka is known: events then wait in the spool */
    public AuditLog(Path dataFolder, Map<String, Object> kafkaProperties, String profile) {
        this(dataFolder, kafkaProperties, profile, null, new KnownTopics());
    }

    /**
     * @param shared the command's producer to forward with (it stays open), or null for one of
     *               the log's own per flush
     * @param known  the topics the command ensured already (its submit ensures the audit topic too)
     */
    public AuditLog(Path dataFolder, Map<String, Object> kafkaProperties, String profile, SharedProducer shared,
                    KnownTopics known) {
        this(dataFolder, kafkaProperties, profile, System.getProperty("user.name"), Clock.systemUTC(), shared, known);
    }

    AuditLog(Path dataFolder, Map<String, Object> kafkaProperties, String profile, String user, Clock clock) {
        this(dataFolder, kafkaProperties, profile, user, clock, null, new KnownTopics());
    }

    private AuditLog(Path dataFolder, Map<String, Object> kafkaProperties, String profile, String user, Clock clock,
                     SharedProducer shared, KnownTopics known) {
        this.spool = new Spool(dataFolder, Topics.AUDIT);
        this.deadLetters = deadLetters(dataFolder);
        this.kafkaProperties = kafkaProperties;
        this.profile = profile;
        this.user = user;
        this.clock = clock;
        this.shared = shared;
        this.known = known;
    }

    /** The records Kafka refused for good, one JSON line each: {@code ts}, {@code reason}, {@code record}. */
    public static Spool deadLetters(Path dataFolder) {
        return new Spool(dataFolder, DEAD_LETTERS);
    }

    /**
     * Records an action (spooled before this returns) and tries to forward the spool.
     *
     * @return the number of events still waiting in the spool (0 when Kafka took them all)
     */
    public int record(String action, String target, long count, String outcome) {
        AuditEvent event = new AuditEvent(clock.instant(), user, profile, action,
                AuditTarget.cut(target, AuditTarget.FIELD_CHARS), count, AuditTarget.cut(outcome, AuditTarget.FIELD_CHARS));
        try {
            spool.append(Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new RingsideException("Cannot encode audit event " + event, e);
        }
        return flush();
    }

    /** Forwards spooled events to Kafka; returns how many are still waiting. */
    public int flush() {
        waitingReason = null;
        deadLettered = 0;
        int waiting = spool.drain(this::send);
        if (waiting == 0) {
            waitingReason = null;
        } else if (waitingReason == null) {
            waitingReason = "not forwarded yet";
        }
        return waiting;
    }

    public Spool spool() {
        return spool;
    }

    public Spool deadLetterSpool() {
        return deadLetters;
    }

    /** Why events were left in the spool by the last flush (names the broker's refusal); null when none were. */
    public String waitingReason() {
        return waitingReason;
    }

    /** How many records the last flush moved to the dead-letter file. */
    public int deadLettered() {
        return deadLettered;
    }

    private int send(List<String> lines) {
        if (kafkaProperties == null) {
            waitingReason = "no Kafka known to forward to (profile '" + profile + "' has no stack here)";
            return 0;
        }
        try {
            known.ensure(kafkaProperties, List.of(TOPIC), SEND_TIMEOUT);
        } catch (RingsideException e) {
            waitingReason = "Kafka unreachable (" + e.getMessage() + ")";
            return 0;
        }
        int handled = 0;
        try (SharedProducer own = shared == null ? new SharedProducer(kafkaProperties) : null) {
            KafkaProducer<String, String> producer = (shared == null ? own : shared).get();
            for (String line : lines) {
                // one at a time, in order: a line counts as sent only once Kafka acknowledged it
                try {
                    producer.send(new ProducerRecord<>(Topics.AUDIT, user, line))
                            .get(SEND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!neverAccepted(e.getCause())) {
                        throw e;
                    }
                    deadLetter(line, e.getCause());
                } catch (KafkaException e) {
                    if (!neverAccepted(e)) {
                        throw e;
                    }
                    deadLetter(line, e);
                }
                handled++;
            }
        } catch (ExecutionException e) {
            waitingReason = "Kafka did not take the event: " + describe(e.getCause());
        } catch (TimeoutException e) {
            waitingReason = "Kafka did not acknowledge the event within " + SEND_TIMEOUT.multipliedBy(2).toSeconds()
                    + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waitingReason = "interrupted while forwarding";
        } catch (RuntimeException e) {
            waitingReason = "Kafka did not take the event: " + describe(e);
        }
        return handled;
    }

    /** Refusals about the record itself: sending it again can never succeed. */
    private static boolean neverAccepted(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException;
    }

    private void deadLetter(String line, Throwable why) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("ts", clock.instant().toString());
        letter.put("reason", describe(why));
        letter.put("record", line);
        try {
            deadLetters.append(Json.mapper().writeValueAsString(letter));
        } catch (JsonProcessingException e) {
            throw new RingsideException("Cannot encode a dead letter for " + deadLetters.file(), e);
        }
        deadLettered++;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
