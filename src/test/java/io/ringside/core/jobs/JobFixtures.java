package io.ringside.core.jobs;

import io.ringside.core.Json;
import io.ringside.core.data.dataset.DatasetFixtures;
import io.ringside.core.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Inputs and a plain Kafka reader for the job tests. */
final class JobFixtures {

    private JobFixtures() {
    }

    static Path randomFile(Path folder, String name, int size, long seed) {
        return DatasetFixtures.write(folder, name, DatasetFixtures.randomBytes(size, seed));
    }

    static String sha256(Path file) {
        return DatasetFixtures.sha256(file);
    }

    static String uniqueName(String prefix) {
        return DatasetFixtures.uniqueName(prefix);
    }

    /** A plain consumer of the whole progress topic from its beginning, no group, as any subscriber would. */
    static KafkaConsumer<String, String> progressReader(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < JobTopics.PARTITIONS; p++) {
            partitions.add(new TopicPartition(Topics.JOB_PROGRESS, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Reads raw records of one job until its final event (or the deadline); returns them in order. */
    static List<ConsumerRecord<String, String>> recordsUntilFinal(KafkaConsumer<String, String> consumer, UUID jobId,
                                                                  Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (jobId.toString().equals(record.key())) {
                    records.add(record);
                    if (event(record).terminal()) {
                        return records;
                    }
                }
            }
        }
        throw new AssertionError("no final event of job " + jobId + " within " + timeout.toSeconds() + " s; saw "
                + records.size() + " events");
    }

    static ProgressEvent event(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), ProgressEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
