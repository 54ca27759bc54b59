package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code topics}, {@code messages}, {@code produce} and {@code groups} as a script sees them. */
@ExtendWith(SharedStack.class)
class KafkaCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun run(TestStack stack, String... args) {
        return CliRun.in(stack.dataFolder(), args);
    }

    @Test
    void produceThenSearchListAndResetAGroup(TestStack stack) throws Exception {
        String topic = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = stack.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        for (int i = 0; i < 6; i++) {
            String state = i % 3 == 0 ? "failed" : "running";
            CliRun produced = run(stack, "produce", topic, "--key", "job-" + i, "--json-value",
                    "{\"state\":\"" + state + "\",\"n\":" + i + "}", "--header", "source=cli");
            assertEquals(0, produced.exitCode(), produced.err());
            assertEquals("produced to " + topic + " partition 0 offset " + i, produced.out().strip());
        }
        assertEquals(2, run(stack, "produce", topic, "--json-value", "{\"state\":").exitCode(), "not JSON: usage error");

        CliRun failed = run(stack, "messages", topic, "--jsonpath", "$.state == \"failed\"");
        assertEquals(0, failed.exitCode(), failed.err());
        String[] lines = failed.out().strip().split("\n");
        assertEquals(2, lines.length, failed.out());
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("job-0", first.get("key").asText());
        assertEquals(0, first.get("offset").asLong());
        assertEquals("cli", first.get("headers").get("source").asText());
        assertEquals(3, JSON.readTree(lines[1]).get("offset").asLong());
        assertTrue(failed.err().contains("6 of 6 messages, 2 matched"), failed.err());

        CliRun browse = run(stack, "messages", topic, "--from-offset", "4", "--limit", "10");
        assertEquals(2, browse.out().strip().split("\n").length, browse.out());
        assertEquals(5, run(stack, "messages", topic + "-missing").exitCode(), "unknown topic: not found");

        CliRun topics = run(stack, "topics", "--json");
        assertEquals(0, topics.exitCode(), topics.err());
        JsonNode listed = null;
        for (JsonNode t : JSON.readTree(topics.out())) {
            if (t.get("name").asText().equals(topic)) {
                listed = t;
            }
        }
        assertEquals(6, listed.get("messages").asLong(), topics.out());

        String group = "cli-group-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)));
        }
        CliRun dryRun = run(stack, "groups", "reset-offsets", group, "--topic", topic, "--shift-by", "-2", "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.err());
        assertEquals(topic + "\t0\t5\t3", dryRun.out().strip());
        CliRun listedGroups = run(stack, "groups");
        assertTrue(listedGroups.out().contains(group + "\tEmpty\t0\t1"), listedGroups.out());
        CliRun reset = run(stack, "groups", "reset-offsets", group, "--topic", topic, "--to-earliest", "--yes");
        assertEquals(0, reset.exitCode(), reset.err());
        try (Admin admin = stack.kafkaAdmin()) {
            assertEquals(0, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0)).offset());
        }
        assertEquals(2, run(stack, "groups", "reset-offsets", group, "--topic", topic, "--to-latest").exitCode(),
                "neither --dry-run nor --yes");
        assertEquals(2, run(stack, "groups", "delete", group).exitCode());
        assertEquals(0, run(stack, "groups", "delete", group, "--yes").exitCode());
        assertEquals(5, run(stack, "groups", "delete", group, "--yes").exitCode(), "gone: not found");
    }
}
