package io.ringside.core.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.Json;
import io.ringside.core.kafka.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the progress topic back: the events of one job (only its partition, found with the
 * producer's partitioner from the job id), or the newest event of every job of the last day.
 * Nothing is kept anywhere else, so every console and CLI sees the same history.
 */
final class JobHistory {

    private JobHistory() {
    }

    /** Every event of the job since {@code since}, in order (empty when there is none). */
    static List<ProgressEvent> eventsOf(Map<String, Object> kafka, UUID jobId, Instant since) {
        List<ProgressEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka)) {
            Optional<TopicPartition> partition = partitionOf(consumer, jobId);
            if (partition.isEmpty()) {
                return events;
            }
            readToEnd(consumer, List.of(partition.get()), since, event -> {
                if (event.jobId().equals(jobId)) {
                    events.add(event);
                }
            });
        } catch (KafkaException e) {
            throw unreachable(kafka, e);
        }
        return events;
    }

    /** The newest event of each job seen since {@code since}, newest job first. */
    static List<ProgressEvent> latestPerJob(Map<String, Object> kafka, Instant since) {
        Map<UUID, ProgressEvent> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka)) {
            List<TopicPartition> partitions = partitions(consumer);
            readToEnd(consumer, partitions, since, event -> latest.merge(event.jobId(), event,
                    (a, b) -> b.seq() >= a.seq() ? b : a));
        } catch (KafkaException e) {
            throw unreachable(kafka, e);
        }
        List<ProgressEvent> jobs = new ArrayList<>(latest.values());
        jobs.sort(Comparator.comparing(ProgressEvent::ts).reversed());
        return jobs;
    }

    /** The job's request from {@code ringside.jobs.requests} (same key, so the same partitioner). */
    static Optional<JobRequest> requestOf(Map<String, Object> kafka, UUID jobId, Instant since) {
        try (KafkaConsumer<String, String> consumer = KafkaClients.reader(kafka)) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.JOB_REQUESTS, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return Optional.empty();
            }
            TopicPartition partition = new TopicPartition(Topics.JOB_REQUESTS, JobTopics.partitionOf(jobId, infos.size()));
            List<TopicPartition> partitions = List.of(partition);
            seek(consumer, partitions, since);
            long end = consumer.endOffsets(partitions, Duration.ofSeconds(5)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String key = jobId.toString();
            while (consumer.position(partition, Duration.ofSeconds(5)) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return decodeRequest(record.value());
                    }
                }
            }
            return Optional.empty();
        }
    }

    static Optional<ProgressEvent> latest(Map<String, Object> kafka, UUID jobId, Instant since) {
        return eventsOf(kafka, jobId, since).stream().max(Comparator.comparingLong(ProgressEvent::seq));
    }

    /** The job's partition of the progress topic; empty while the topic does not exist. */
    static Optional<TopicPartition> partitionOf(KafkaConsumer<String, String> consumer, UUID jobId) {
        int partitions = partitions(consumer).size();
        return partitions == 0 ? Optional.empty()
                : Optional.of(new TopicPartition(Topics.JOB_PROGRESS, JobTopics.partitionOf(jobId, partitions)));
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return partitions(consumer, Topics.JOB_PROGRESS);
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    /** Seeks each partition to the first record at or after {@code since}. */
    static void seek(KafkaConsumer<String, String> consumer, Collection<TopicPartition> partitions, Instant since) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, Duration.ofSeconds(5));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = offsets.get(partition);
            consumer.seek(partition, at != null ? at.offset() : ends.get(partition));
        }
    }

    private static void readToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                  Instant since, Consumer<ProgressEvent> sink) {
        if (partitions.isEmpty()) {
            return;
        }
        seek(consumer, partitions, since);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(5)) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new BackendUnavailableException("Kafka did not deliver " + Topics.JOB_PROGRESS + " within 30 s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                decode(record.value()).ifPresent(sink);
            }
        }
    }

    static Optional<JobRequest> decodeRequest(String json) {
        try {
            return Optional.of(Json.mapper().readValue(json, JobRequest.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static Optional<ProgressEvent> decode(String json) {
        return ProgressEvent.decode(json);
    }

    static BackendUnavailableException unreachable(Map<String, Object> kafka, Exception e) {
        return new BackendUnavailableException("Kafka at " + kafka.get("bootstrap.servers") + " is unreachable: "
                + e.getMessage(), e);
    }
}
