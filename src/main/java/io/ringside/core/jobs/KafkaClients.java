package io.ringside.core.jobs;

import io.ringside.core.kafka.SharedProducer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Producers and consumers of the job topics, with timeouts short enough that a dead broker is noticed. */
final class KafkaClients {

    static final Duration SEND_TIMEOUT = SharedProducer.SEND_TIMEOUT;

    private KafkaClients() {
    }

    static KafkaProducer<String, String> producer(Map<String, Object> kafka) {
        return SharedProducer.open(kafka);
    }

    /** A consumer without a group: the caller assigns partitions and seeks. */
    static KafkaConsumer<String, String> reader(Map<String, Object> kafka) {
        Map<String, Object> props = consumerBase(kafka);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new KafkaConsumer<>(props);
    }

    /** A member of the workers' group: manual commits, one request per poll. */
    static KafkaConsumer<String, String> groupMember(Map<String, Object> kafka, String group) {
        Map<String, Object> props = consumerBase(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(props);
    }

    private static Map<String, Object> consumerBase(Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
