package io.ringside.core.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The audit trail of admin actions. An event is written to the spool on disk first and only then
 * forwarded to {@code ringside.audit}, so an action is never unaudited: when Kafka is away the
 * events wait in the spool, and whichever process records or flushes next forwards them, oldest
 * first. Forwarding is bounded in time, so an admin action never hangs on a dead broker.
 */
public final class AuditLog {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Spool spool;
    private final Map<String, Object> kafkaProperties;
    private final String profile;
    private final String user;
    private final Clock clock;

    public AuditLog(Path dataFolder, Map<String, Object> kafkaProperties, String profile) {
        this(new Spool(dataFolder, Topics.AUDIT), kafkaProperties, profile, System.getProperty("user.name"),
                Clock.systemUTC());
    }

    AuditLog(Spool spool, Map<String, Object> kafkaProperties, String profile, String user, Clock clock) {
        this.spool = spool;
        this.kafkaProperties = kafkaProperties;
        this.profile = profile;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Records an action (spooled before this returns) and tries to forward the spool.
     *
     * @return the number of events still waiting in the spool (0 when Kafka took them all)
     */
    public int record(String action, String target, long count, String outcome) {
        AuditEvent event = new AuditEvent(clock.instant(), user, profile, action, target, count, outcome);
        try {
            spool.append(Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new RingsideException("Cannot encode audit event " + event, e);
        }
        return flush();
    }

    /** Forwards spooled events to Kafka; returns how many are still waiting. */
    public int flush() {
        return spool.drain(this::send);
    }

    public Spool spool() {
        return spool;
    }

    private int send(List<String> lines) {
        try {
            Topics.ensure(kafkaProperties, Topics.AUDIT, 1, Duration.ofDays(30), SEND_TIMEOUT);
        } catch (RingsideException e) {
            return 0;
        }
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() * 2);
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (String line : lines) {
                // one at a time, in order: a line counts as sent only once Kafka acknowledged it
                producer.send(new ProducerRecord<>(Topics.AUDIT, user, line.getBytes(StandardCharsets.UTF_8)))
                        .get(SEND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
                sent++;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return sent;
    }
}
