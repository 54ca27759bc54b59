package io.ringside.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.FailureKind;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConnectionStatusViewModelTest {

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final AtomicReference<List<ConnectionCheck>> answer = new AtomicReference<>(allUp());

    private static List<ConnectionCheck> allUp() {
        return List.of(new ConnectionCheck(Backend.CASSANDRA, "h:9042", null, "5.0.9", Duration.ofMillis(20)),
                new ConnectionCheck(Backend.REDIS, "h:6379", null, "7.0.15", Duration.ofMillis(3)),
                new ConnectionCheck(Backend.KAFKA, "h:9092", null, "cluster x", Duration.ofMillis(1500)));
    }

    private static List<ConnectionCheck> redisDown() {
        return List.of(new ConnectionCheck(Backend.CASSANDRA, "h:9042", null, "5.0.9", Duration.ofMillis(20)),
                new ConnectionCheck(Backend.REDIS, "h:6379", FailureKind.UNREACHABLE, "Connection refused", Duration.ZERO),
                new ConnectionCheck(Backend.KAFKA, "h:9092", null, "cluster x", Duration.ofMillis(10)));
    }

    @Test
    void eachBackendGetsItsToneAndTheReasonOnHover() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);
        assertEquals(List.of(Tone.WARN, Tone.WARN, Tone.WARN), status.states().stream().map(BackendState::tone).toList());

        answer.set(redisDown());
        status.start();
        executor.runScheduled();

        assertEquals(List.of(Tone.OK, Tone.BAD, Tone.OK), status.states().stream().map(BackendState::tone).toList());
        assertEquals("Redis h:6379: unreachable (Connection refused)", status.states().get(1).reason());
    }

    @Test
    void aBackendTheLocalStackIsStillStartingIsAmberNotRedAndIsNotBackedOff() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);
        answer.set(redisDown());
        status.start();
        executor.runScheduled();
        assertEquals(Tone.BAD, status.states().get(1).tone());

        status.stackStarting(true);
        executor.runScheduled();

        BackendState redis = status.states().get(1);
        assertEquals(Tone.WARN, redis.tone());
        assertTrue(redis.starting());
        assertTrue(redis.reason().startsWith("Redis: starting with the local stack"), redis.reason());
        assertEquals(List.of(ConnectionStatusViewModel.PERIOD), executor.scheduledDelays(), "no back-off while starting");

        status.stackStarting(false);
        executor.runScheduled();

        assertEquals(Tone.BAD, status.states().get(1).tone());
        assertFalse(status.states().get(1).starting());
    }

    @Test
    void aBackendThatStopsAnsweringIsAnnouncedUntilItIsBack() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);
        status.start();
        executor.runScheduled();
        assertEquals("", status.lostProperty().get());

        answer.set(redisDown());
        executor.runScheduled();
        assertEquals("Redis stopped answering: Redis h:6379: unreachable (Connection refused)",
                status.lostProperty().get());

        answer.set(allUp());
        executor.runScheduled();
        assertEquals("", status.lostProperty().get());
    }

    @Test
    void aBackendThatNeverAnsweredOrIsStartingIsNotAnnouncedAsLost() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);
        answer.set(redisDown());
        status.start();
        executor.runScheduled();
        assertEquals("", status.lostProperty().get(), "down from the first check: the dot says so, no news");

        answer.set(allUp());
        executor.runScheduled();
        status.stackStarting(true);
        answer.set(redisDown());
        executor.runScheduled();
        assertEquals("", status.lostProperty().get(), "a restart in progress is not a loss");
    }

    @Test
    void aSlowAnswerIsAmber() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);

        status.start();
        executor.runScheduled();

        assertEquals(Tone.WARN, status.states().get(2).tone());
        assertEquals("slow", status.states().get(2).summary());
    }

    @Test
    void failuresBackOffAndARecoveryRestoresThePeriod() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);
        answer.set(redisDown());

        status.start();
        executor.runScheduled();
        assertEquals(List.of(Duration.ofSeconds(10)), executor.scheduledDelays());
        executor.runScheduled();
        assertEquals(List.of(Duration.ofSeconds(20)), executor.scheduledDelays());
        for (int i = 0; i < 5; i++) {
            executor.runScheduled();
        }
        assertEquals(List.of(ConnectionStatusViewModel.MAX_BACKOFF), executor.scheduledDelays());

        answer.set(allUp());
        executor.runScheduled();

        assertEquals(List.of(ConnectionStatusViewModel.PERIOD), executor.scheduledDelays());
        assertEquals(Tone.OK, status.states().get(1).tone());
    }

    @Test
    void aGatewayThatThrowsTurnsEveryBackendRed() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(() -> {
            throw new IllegalStateException("keyring locked");
        }, executor);

        status.start();
        executor.runScheduled();

        assertEquals(List.of(Tone.BAD, Tone.BAD, Tone.BAD), status.states().stream().map(BackendState::tone).toList());
        assertEquals("Cassandra: cannot check (keyring locked)", status.states().get(0).reason());
    }

    @Test
    void stoppedPollingSchedulesNothingMore() {
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(answer::get, executor);
        status.start();

        status.stop();

        assertEquals(List.of(), executor.scheduledDelays());
    }
}
