package io.ringside.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.RingsideException;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark's fixtures on the shared stack's Kafka, small: made topics are waited for until
 * the broker serves them before the groups read their end offsets (a first run on a fresh stack
 * failed there with "unknown topic"), and fixtures that are not all there are reported, not
 * measured.
 */
@ExtendWith(SharedStack.class)
class MetadataFixturesTest {

    private static final MetadataFixtures.Size SIZE = new MetadataFixtures.Size(8, 3, 5, 1, 2);

    @Test
    void groupsAreMadeOnTopicsJustCreatedAndIncompleteFixturesAreReported(TestStack stack) {
        Map<String, Object> kafka = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        List<String> progress = new ArrayList<>();
        try (Admin admin = stack.kafkaAdmin()) {
            assertTrue(MetadataFixtures.createTopics(admin, SIZE, progress::add).toNanos() > 0);
            MetadataFixtures.awaitTopicMetadata(admin, SIZE, Duration.ofSeconds(30), progress::add);
            assertTrue(MetadataFixtures.createGroups(admin, kafka, SIZE, progress::add).toNanos() > 0);
            assertEquals(List.of(), MetadataFixtures.kafkaProblems(admin, SIZE));

            // A kept folder made with fewer groups or topics than the run asks for.
            MetadataFixtures.Size moreGroups = new MetadataFixtures.Size(8, 3, 7, 1, 2);
            List<String> problems = MetadataFixtures.kafkaProblems(admin, moreGroups);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("2 of 7 groups not listed"), problems.get(0));
            MetadataFixtures.Size moreTopics = new MetadataFixtures.Size(10, 3, 5, 1, 2);
            RingsideException missing = assertThrows(RingsideException.class,
                    () -> MetadataFixtures.awaitTopicMetadata(admin, moreTopics, Duration.ofSeconds(1), progress::add));
            assertTrue(missing.getMessage().contains("2 of 10 fixture topics"), missing.getMessage());
            MetadataFixtures.Size otherPartitions = new MetadataFixtures.Size(8, 4, 5, 1, 2);
            RingsideException other = assertThrows(RingsideException.class,
                    () -> MetadataFixtures.awaitTopicMetadata(admin, otherPartitions, Duration.ofSeconds(1), progress::add));
            assertTrue(other.getMessage().contains("has 3 partitions, this run asks for 4"), other.getMessage());
        }
        try (CqlSession session = stack.cql()) {
            List<String> schema = MetadataFixtures.schemaProblems(session, SIZE);
            assertEquals(List.of("1 of 1 keyspaces without their 2 tables (meta_ks_00, ...)"), schema);
        }
    }
}
