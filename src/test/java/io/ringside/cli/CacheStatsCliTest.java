package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.StatsTopic;
import io.ringside.testing.TestStack;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A CLI command that reads through the cache publishes its counters before it exits. */
@ExtendWith(SharedStack.class)
class CacheStatsCliTest {

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    @Test
    void aTrendReadPublishesItsMissThenItsHit(TestStack stack) {
        String location = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2024, 5, 1);
        try (CqlSession cql = stack.cql()) {
            new Pm25Store(cql).writeDays(List.of(new DailyPm25(location, day, 12, 8, 20, 24)));
        }
        try (StatsTopic topic = new StatsTopic(stack)) {
            String[] trend = {"pm25", "trend", "--location", location, "--from", "2024-05-01", "--to", "2024-05-01"};
            CliRun miss = CliRun.in(stack.dataFolder(), trend);
            assertEquals(0, miss.exitCode(), miss.err());
            assertTrue(miss.err().startsWith("cache miss"), miss.err());
            JsonNode missed = last(topic.until(m -> ours(m) && m.path("misses").asLong() > 0, Duration.ofSeconds(10)));
            assertEquals(1, missed.path("misses").asLong(), missed.toString());
            assertEquals(0, missed.path("hits").asLong(), missed.toString());

            CliRun hit = CliRun.in(stack.dataFolder(), trend);
            assertTrue(hit.err().startsWith("cache hit"), hit.err());
            JsonNode hitMessage = last(topic.until(m -> ours(m) && m.path("hits").asLong() > 0, Duration.ofSeconds(10)));
            assertEquals(1, hitMessage.path("hits").asLong(), hitMessage.toString());
            assertEquals(0, hitMessage.path("misses").asLong(), hitMessage.toString());
        }
    }

    private static boolean ours(JsonNode message) {
        return INSTANCE.equals(message.path("instance").asText()) && "pm25".equals(message.path("namespace").asText());
    }

    /** The last message, which the predicate picked, of those seen. */
    private static JsonNode last(List<JsonNode> seen) {
        return seen.get(seen.size() - 1);
    }
}
