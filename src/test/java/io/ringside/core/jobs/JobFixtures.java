package io.ringside.core.jobs;

import io.ringside.core.Json;
import io.ringside.core.data.dataset.DatasetFixtures;
import io.ringside.core.kafka.Topics;
import io.ringside.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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

    /** A worker in a JVM of its own ({@code ringside --data DATA worker}), its output in {@code log}. */
    static Process startWorkerJvm(Path data, Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(jvmOptions));
        command.addAll(List.of("io.ringside.Main", "--data", data.toString(), "worker"));
        return startJvm(log, command);
    }

    /** A JVM of its own on this test's class path, running {@code arguments} (options, main class, its arguments). */
    static Process startJvm(Path log, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Submits a dataset load of {@code file} as {@code name} at {@code rateMbps} MB/s. */
    static JobRequest submitLoad(JobClient client, Path file, String name, String rateMbps) {
        JobRequest request = client.request(JobKind.LOAD_DATASET, List.of(file.toString()),
                Map.of(JobOptions.NAME, name, JobOptions.RATE_MBPS, rateMbps));
        client.submit(request);
        return request;
    }

    /** Waits until the worker JVM is a member of the workers' group; fails with its output if it exits. */
    static void awaitJoined(Process worker, Path log, JobClient client) {
        Await.until("the worker JVM to join the group", Duration.ofMinutes(2), () -> {
            if (!worker.isAlive()) {
                throw new AssertionError("the worker exited early: " + read(log));
            }
            return client.workerAlive();
        });
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The offset the workers' group committed on the job's request partition, and that partition's end. */
    static long[] committedAndEnd(Admin admin, UUID jobId) {
        TopicPartition partition = new TopicPartition(Topics.JOB_REQUESTS, JobTopics.partitionOf(jobId, JobTopics.PARTITIONS));
        try {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(Worker.GROUP).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset();
            return new long[] {committed == null ? -1 : committed.offset(), end};
        } catch (Exception e) {
            throw new AssertionError("cannot read the workers' offsets: " + e, e);
        }
    }

    /**
     * Adds the job's events to {@code events} until one matches {@code until} (2 min at most); a
     * final event before that fails, since the job was to be caught running.
     */
    static void collectUntil(KafkaConsumer<String, String> reader, UUID jobId, List<ProgressEvent> events, String what,
                             Predicate<ProgressEvent> until) {
        Await.until(what, Duration.ofMinutes(2), () -> {
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                if (jobId.toString().equals(record.key())) {
                    events.add(event(record));
                }
            }
            if (events.stream().anyMatch(ProgressEvent::terminal)) {
                throw new AssertionError("the job ended before " + what + ": " + events);
            }
            return events.stream().anyMatch(until);
        });
    }

    static ProgressEvent event(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readValue(record.value(), ProgressEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
