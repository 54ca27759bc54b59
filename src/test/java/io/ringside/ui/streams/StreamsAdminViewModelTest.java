package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Produce and topic admin dialogs' view-models against the shared stack's Kafka, every outcome
 * checked with a plain AdminClient; read-only refusals come from the core services.
 */
@ExtendWith(SharedStack.class)
class StreamsAdminViewModelTest {

    @Test
    void createEditConfigsWithADiffGrowProduceAndDeleteWithTypedNames(TestStack stack) throws Exception {
        String topic = "streams-admin-" + UUID.randomUUID();
        String group = "streams-admin-group-" + UUID.randomUUID();
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        FakeDialogService dialogs = new FakeDialogService().answering(false);
        try (Admin plain = stack.kafkaAdmin();
             KafkaServices services = new KafkaServices(kafka, AccessGuard.READ_WRITE,
                     () -> new AuditLog(stack.dataFolder(), kafka, "test"))) {
            StreamsViewModel page = new StreamsViewModel(new KafkaStreamsGateway(() -> kafka, () -> services),
                    new CurrentThreadTaskExecutor(), dialogs);
            KafkaAdminViewModel admin = page.admin();
            admin.newTopicProperty().set(topic);
            admin.newPartitionsProperty().set("2");
            admin.newConfigsProperty().set("retention.ms=3600000\n");
            admin.createTopic();
            assertTrue(admin.statusProperty().get().startsWith("Created"), admin.statusProperty().get());
            assertEquals("3600000", config(plain, topic, "retention.ms"));

            page.selectedTopicProperty().set(topic);
            admin.desiredConfigsProperty().set("retention.ms=7200000\nmax.message.bytes=\n");
            admin.previewConfigs();
            assertEquals(1, admin.diffProperty().get().size(), "an unset config left empty is no change");
            assertTrue(admin.statusProperty().get().contains("7200000"), admin.statusProperty().get());
            assertEquals("3600000", config(plain, topic, "retention.ms"), "the preview changed nothing");
            admin.applyConfigs();
            assertEquals("3600000", config(plain, topic, "retention.ms"), "declined: nothing changed");
            dialogs.answering(true);
            admin.applyConfigs();
            assertTrue(dialogs.asked().get(1).contains("7200000"), "the diff is shown before applying");
            assertEquals("7200000", config(plain, topic, "retention.ms"));

            admin.totalPartitionsProperty().set("3");
            admin.addPartitions();
            assertEquals(3, plain.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(topic).partitions().size());

            ProduceViewModel produce = page.produce();
            assertEquals(topic, produce.topicProperty().get(), "the selected topic");
            produce.partitionProperty().set("2");
            produce.keyProperty().set("k1");
            produce.valueKindProperty().set(ProduceViewModel.ValueKind.JSON);
            produce.valueProperty().set("{\"state\": ");
            produce.produce();
            assertTrue(produce.statusProperty().get().contains("line 1"), produce.statusProperty().get());
            produce.valueProperty().set("{\"state\": \"failed\"}");
            produce.headersProperty().set("source=ui\n");
            produce.produce();
            assertEquals(2, produce.producedProperty().get().partition(), produce.statusProperty().get());
            TopicPartition p2 = new TopicPartition(topic, 2);
            assertEquals(1, plain.listOffsets(Map.of(p2, OffsetSpec.latest())).all().get(60, TimeUnit.SECONDS)
                    .get(p2).offset());

            plain.alterConsumerGroupOffsets(group, Map.of(p2, new OffsetAndMetadata(1))).all().get(60, TimeUnit.SECONDS);
            admin.groupProperty().set(group);
            admin.typedNameProperty().set("another");
            admin.deleteGroup();
            assertTrue(groups(plain).contains(group), "a different typed name deletes nothing");
            admin.typedNameProperty().set(group);
            admin.deleteGroup();
            assertFalse(groups(plain).contains(group), admin.statusProperty().get());

            admin.typedNameProperty().set(topic + "x");
            admin.deleteTopic();
            assertTrue(admin.statusProperty().get().contains("Type the topic's name"), admin.statusProperty().get());
            assertTrue(plain.listTopics().names().get(60, TimeUnit.SECONDS).contains(topic));
            admin.typedNameProperty().set(topic);
            admin.deleteTopic();
            assertTrue(admin.statusProperty().get().startsWith("Deleted topic"), admin.statusProperty().get());
        }
    }

    @Test
    void aReadOnlyProfileDisablesAndTheServicesRefusalIsShown(TestStack stack) {
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        try (KafkaServices services = new KafkaServices(kafka, AccessGuard.of("viewer", true),
                () -> new AuditLog(stack.dataFolder(), kafka, "test"))) {
            StreamsViewModel page = new StreamsViewModel(new KafkaStreamsGateway(() -> kafka, () -> services),
                    new CurrentThreadTaskExecutor());
            page.activate();
            assertTrue(page.produce().readOnlyProperty().get());
            assertTrue(page.admin().readOnlyProperty().get());
            page.produce().topicProperty().set("any-topic");
            page.produce().valueProperty().set("v");
            page.produce().produce();
            assertTrue(page.produce().statusProperty().get().contains("is read-only"), page.produce().statusProperty().get());
            page.admin().newTopicProperty().set("ro-" + UUID.randomUUID());
            page.admin().createTopic();
            assertTrue(page.admin().statusProperty().get().contains("is read-only"), page.admin().statusProperty().get());
            page.deactivate();
        }
    }

    @Test
    void theMessagesTabPagesOlderAndNewerWithinAPartition(TestStack stack) throws Exception {
        String topic = "streams-pages-" + UUID.randomUUID();
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        try (Admin plain = stack.kafkaAdmin();
             KafkaServices services = new KafkaServices(kafka, AccessGuard.READ_WRITE,
                     () -> new AuditLog(stack.dataFolder(), kafka, "test"))) {
            plain.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                for (int i = 0; i < 25; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i));
                }
            }
            MessageSearchViewModel messages = new MessageSearchViewModel(
                    new KafkaStreamsGateway(() -> kafka, () -> services), new CurrentThreadTaskExecutor());
            messages.pageSize(10);
            messages.topicProperty().set(topic);
            messages.browseNewest();
            assertEquals(offsets(24, 15), offsets(messages), messages.statusProperty().get());
            messages.browseOlder();
            assertEquals(offsets(14, 5), offsets(messages));
            messages.browseOlder();
            assertEquals(offsets(4, 0), offsets(messages));
            messages.browseOlder();
            assertEquals("No older messages", messages.statusProperty().get());
            messages.browseNewer();
            assertEquals(offsets(14, 5), offsets(messages));
        }
    }

    private static List<Long> offsets(MessageSearchViewModel messages) {
        return messages.results().stream().map(KafkaMessage::offset).toList();
    }

    private static List<Long> offsets(long from, long downTo) {
        return java.util.stream.LongStream.rangeClosed(downTo, from).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    private static String config(Admin admin, String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
        return config.get(name).value();
    }

    private static Set<String> groups(Admin admin) throws Exception {
        return Set.copyOf(admin.listConsumerGroups().all().get(60, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).toList());
    }
}
