package io.ringside.core.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bulk lag of every consumer group against the shared stack's Kafka: the same figures as one
 * group at a time, from one call of each kind whatever the number of groups.
 */
@ExtendWith(SharedStack.class)
class BulkGroupLagTest {

    private static final int TOPICS = 30;
    private static final int GROUPS = 20;
    private static final int RECORDS_P0 = 5;
    private static final int RECORDS_P1 = 3;

    @Test
    void everyGroupsLagComesFromOneCallOfEachKindAndMatchesThePerGroupPath(TestStack stack) throws Exception {
        String prefix = "bulk-lag-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        try (Admin admin = stack.kafkaAdmin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (int t = 0; t < TOPICS; t++) {
                topics.add(new NewTopic(prefix + t, 2, (short) 1));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            produce(kafka, prefix);
            for (int g = 0; g < GROUPS; g++) {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (String topic : List.of(prefix + g % TOPICS, prefix + (g + 7) % TOPICS)) {
                    offsets.put(new TopicPartition(topic, 0), new OffsetAndMetadata(g % RECORDS_P0));
                    offsets.put(new TopicPartition(topic, 1), new OffsetAndMetadata(RECORDS_P1));
                }
                admin.alterConsumerGroupOffsets(prefix + "g" + g, offsets).all().get(60, TimeUnit.SECONDS);
            }
        }

        Map<String, Integer> calls = new ConcurrentHashMap<>();
        try (StreamsInspector inspector = new StreamsInspector(counting(KafkaCalls.admin(kafka), calls), kafka,
                Clock.systemUTC())) {
            List<ConsumerGroupLag> bulk = inspector.groups().stream()
                    .filter(g -> g.groupId().startsWith(prefix)).toList();
            assertEquals(1, calls.getOrDefault("listConsumerGroupOffsets", 0), "offset fetches: " + calls);
            assertEquals(1, calls.getOrDefault("listOffsets", 0), "end offset fetches: " + calls);
            assertEquals(1, calls.getOrDefault("describeConsumerGroups", 0), "describes: " + calls);
            assertEquals(GROUPS, bulk.size());
            for (ConsumerGroupLag group : bulk) {
                int g = Integer.parseInt(group.groupId().substring((prefix + "g").length()));
                assertEquals(4, group.partitions().size(), group.groupId());
                assertEquals(2L * (RECORDS_P0 - g % RECORDS_P0), group.totalLag(), group.groupId());
                assertTrue(group.partitions().stream().allMatch(p -> p.timeLagMs() == -1), "no time lag in bulk");
                if (g % RECORDS_P0 == 1) {
                    // The per-group path reads a record per lagging partition for the time lag: a few groups suffice.
                    ConsumerGroupLag single = inspector.group(group.groupId());
                    assertEquals(figures(single), figures(group), group.groupId());
                    assertTrue(single.partitions().stream().filter(p -> p.lag() > 0).allMatch(p -> p.timeLagMs() >= 0),
                            "time lag for one group: " + single.partitions());
                }
            }
        }
    }

    private static void produce(Map<String, Object> kafka, String prefix) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int t = 0; t < TOPICS; t++) {
                for (int i = 0; i < RECORDS_P0; i++) {
                    producer.send(new ProducerRecord<>(prefix + t, 0, "k" + i, "v" + i));
                }
                for (int i = 0; i < RECORDS_P1; i++) {
                    producer.send(new ProducerRecord<>(prefix + t, 1, "k" + i, "v" + i));
                }
            }
            producer.flush();
        }
    }

    /** Everything but the time lag, which moves with the clock between two reads. */
    private static List<String> figures(ConsumerGroupLag group) {
        return group.partitions().stream().map(p -> p.topic() + "/" + p.partition() + " committed " + p.committedOffset()
                + " end " + p.endOffset() + " lag " + p.lag()).toList();
    }

    /** The admin client, counting the calls made on it by name. */
    private static Admin counting(Admin admin, Map<String, Integer> calls) {
        return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(admin, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
