package io.ringside.core.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Topics are remembered by their owner alone: the same owner does not ask Kafka again, while
 * another owner (the next command, another part of a console kept open) and an ensure without
 * one always do. The topic is deleted behind their backs to tell asking from not asking.
 */
@ExtendWith(SharedStack.class)
class KnownTopicsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RECREATE = Duration.ofSeconds(8);

    @Test
    void onlyTheOwnerThatEnsuredATopicSkipsAskingForItAgain(TestStack stack) throws Exception {
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.state().kafka().bootstrap());
        String name = "ringside.test.known-" + UUID.randomUUID();
        List<Topics.Spec> topic = List.of(new Topics.Spec(name, 1, Duration.ofHours(1)));
        try (Admin admin = Admin.create(kafka)) {
            KnownTopics command = new KnownTopics();
            command.ensure(kafka, topic, TIMEOUT);
            assertTrue(exists(admin, name));

            delete(admin, name);
            command.ensure(kafka, topic, TIMEOUT);
            assertFalse(exists(admin, name), "the owner that ensured it a moment ago does not ask again");

            // a create right after a delete can still meet the old topic (TopicExistsException, taken as
            // there): asked again until it is made, within less than the 10 s a process-wide cache kept it
            Await.until("an ensure without an owner asks Kafka: nothing is kept for the process", RECREATE,
                    () -> ensured(admin, name, () -> Topics.ensure(kafka, topic, TIMEOUT)));

            delete(admin, name);
            Await.until("another owner asks Kafka", RECREATE,
                    () -> ensured(admin, name, () -> new KnownTopics().ensure(kafka, topic, TIMEOUT)));
            delete(admin, name);
        }
    }

    private static boolean ensured(Admin admin, String name, Runnable ensure) {
        ensure.run();
        try {
            return exists(admin, name);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean exists(Admin admin, String name) throws Exception {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name);
    }

    private static void delete(Admin admin, String name) throws Exception {
        admin.deleteTopics(List.of(name)).all().get(10, TimeUnit.SECONDS);
        Await.until(name + " deleted", Duration.ofSeconds(10), () -> {
            try {
                return !exists(admin, name);
            } catch (Exception e) {
                return false;
            }
        });
    }
}
