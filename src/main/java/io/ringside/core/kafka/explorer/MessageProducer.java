package io.ringside.core.kafka.explorer;

import io.ringside.core.RingsideException;
import io.ringside.core.kafka.KafkaCalls;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends one record by hand and waits for Kafka's acknowledgement, refused under a read-only
 * profile and audited ({@code kafka.produce}). A producer per call: producing by hand is rare, and
 * a lingering producer would hold a connection the operator never sees.
 */
public final class MessageProducer {

    private final Map<String, Object> kafkaProperties;
    private final AdminActions actions;

    MessageProducer(Map<String, Object> kafkaProperties, AdminActions actions) {
        this.kafkaProperties = kafkaProperties;
        this.actions = actions;
    }

    public ProducedRecord produce(ProduceRequest request) {
        String target = request.topic() + (request.partition() == null ? "" : " partition " + request.partition());
        return actions.run("kafka.produce", target, "produce to topic " + request.topic(), () -> send(request), r -> 1);
    }

    private ProducedRecord send(ProduceRequest request) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, KafkaCalls.TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KafkaCalls.TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KafkaCalls.TIMEOUT.toMillis() * 2);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(request.topic(), request.partition(), request.key(),
                request.value());
        request.headers().forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            RecordMetadata stored = producer.send(record).get(KafkaCalls.TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
            return new ProducedRecord(stored.topic(), stored.partition(), stored.offset(),
                    Instant.ofEpochMilli(stored.timestamp()));
        } catch (ExecutionException e) {
            throw new RingsideException("Kafka did not take the record for " + request.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RingsideException("Kafka did not acknowledge the record for " + request.topic() + " within "
                    + KafkaCalls.TIMEOUT.multipliedBy(3).toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while producing to " + request.topic(), e);
        }
    }
}
