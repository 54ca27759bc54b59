package io.ringside.core.jobs;

import io.ringside.core.kafka.KnownTopics;
import io.ringside.core.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * The three job topics, created on demand. Requests and progress have 6 partitions (several
 * workers share the requests; watchers read one job's partition only); progress is kept 48 h so
 * a console opened later can replay a full day of history; the control topic has one partition,
 * since every worker reads all of it.
 */
public final class JobTopics {

    public static final int PARTITIONS = 6;
    public static final Duration PROGRESS_RETENTION = Duration.ofHours(48);
    public static final Duration REQUEST_RETENTION = Duration.ofHours(48);
    public static final Duration CONTROL_RETENTION = Duration.ofHours(24);
    /** How far back {@code jobs list} and {@code jobs watch} look. */
    public static final Duration HISTORY = Duration.ofHours(24);

    private JobTopics() {
    }

    public static void ensure(Map<String, Object> kafka, Duration timeout) {
        Topics.ensure(kafka, with(List.of()), timeout);
    }

    /** As {@link #ensure(Map, Duration)}, not again when {@code known} ensured them lately. */
    public static void ensure(Map<String, Object> kafka, Duration timeout, KnownTopics known) {
        known.ensure(kafka, with(List.of()), timeout);
    }

    /** The job topics and {@code others} (e.g. the audit topic of the submit), to ensure with one admin client. */
    public static List<Topics.Spec> with(List<Topics.Spec> others) {
        List<Topics.Spec> topics = new ArrayList<>(List.of(
                new Topics.Spec(Topics.JOB_REQUESTS, PARTITIONS, REQUEST_RETENTION),
                new Topics.Spec(Topics.JOB_PROGRESS, PARTITIONS, PROGRESS_RETENTION),
                new Topics.Spec(Topics.JOB_CONTROL, 1, CONTROL_RETENTION)));
        topics.addAll(others);
        return topics;
    }

    /** The partition the default partitioner gives a job's records (both job topics are keyed by job id). */
    public static int partitionOf(UUID jobId, int partitions) {
        byte[] key = jobId.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
