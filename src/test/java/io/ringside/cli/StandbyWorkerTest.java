package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.jobs.Worker;
import io.ringside.core.kafka.Topics;
import io.ringside.testing.Await;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member of the workers' group is there when a load is submitted, so the command starts no
 * worker of its own; the member then goes without ever taking the job (a console that was
 * killed): the command starts its worker and the load completes instead of waiting for ever.
 */
@ExtendWith(SharedStack.class)
class StandbyWorkerTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerThatLeavesBeforeTakingTheJobIsReplacedByTheCommandsOwn(TestStack stack) throws Exception {
        Path file = Files.write(dir.resolve("standby.bin"), randomBytes(64 * 1024));
        String bootstrap = stack.state().kafka().bootstrap();
        String decoyTopic = "ringside.test.standby-" + UUID.randomUUID();
        Topics.ensure(Map.of("bootstrap.servers", bootstrap), decoyTopic, 1, Duration.ofHours(1));
        long requestsBefore;
        CompletableFuture<CliRun> load;
        try (KafkaConsumer<String, String> decoy = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, Worker.GROUP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            // a member of the group that never reads the requests
            decoy.subscribe(List.of(decoyTopic));
            Await.until("the decoy joined the workers' group", Duration.ofSeconds(30), () -> {
                decoy.poll(Duration.ofMillis(200));
                return !decoy.assignment().isEmpty();
            });
            requestsBefore = requests(decoy);
            load = CompletableFuture.supplyAsync(() -> CliRun.in(stack.dataFolder(), "load", "dataset",
                    "standby-" + UUID.randomUUID(), file.toString()));
            Await.until("the load submitted", Duration.ofSeconds(60), () -> {
                decoy.poll(Duration.ofMillis(100));
                return requests(decoy) > requestsBefore;
            });
        } // the decoy leaves the group here, without having taken the job

        CliRun run = load.get(90, TimeUnit.SECONDS);
        assertNotNull(run);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("the job runs in this process"), run.err());
    }

    private static long requests(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOB_REQUESTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
