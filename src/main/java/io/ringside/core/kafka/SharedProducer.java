package io.ringside.core.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One acknowledged, idempotent producer opened on first use and shared by what one command
 * sends (a job's request and its audit record): each producer costs a metadata round trip, a
 * producer id from the broker and its I/O thread, which a short command paid twice before. Its
 * records are sent one at a time and waited for, so sharing it changes no order: whatever was
 * acknowledged first is on its topic first.
 */
public final class SharedProducer implements AutoCloseable {

    /** How long a send may block or wait for its acknowledgement (twice this, in all). */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> kafka;
    private KafkaProducer<String, String> producer;

    public SharedProducer(Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** The producer, opened on the first call. */
    public synchronized KafkaProducer<String, String> get() {
        if (producer == null) {
            producer = open(kafka);
        }
        return producer;
    }

    /** A producer of its own with the same settings: acks from all replicas, idempotent, no linger. */
    public static KafkaProducer<String, String> open(Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() * 2);
        return new KafkaProducer<>(props);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
