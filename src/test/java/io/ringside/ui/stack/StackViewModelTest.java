package io.ringside.ui.stack;

import static io.ringside.ui.testing.StackStates.event;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.stack.PortMove;
import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackException;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.testing.StackStates;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StackViewModelTest {

    private static final long FOREIGN_PID = 4242;

    private final FakeStackGateway gateway = new FakeStackGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final MutableClock clock = new MutableClock();

    private StackViewModel viewModel(boolean autoStart) {
        return new StackViewModel(gateway, executor, dialogs, clock, autoStart);
    }

    private static ServerRow row(StackViewModel viewModel, String server) {
        return viewModel.rows().stream().filter(r -> r.getName().equals(server)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + server + " in " + viewModel.rows()));
    }

    @Test
    void showsOneRowPerServerBeforeAnythingIsKnown() {
        StackViewModel viewModel = viewModel(false);

        assertEquals(List.of("cassandra-1", "kafka", "redis"), viewModel.rows().stream().map(ServerRow::getName).toList());
        assertEquals(StackMode.CHECKING, viewModel.modeProperty().get());
    }

    @Test
    void rowsFollowStartEventsUntilReady() {
        StackViewModel viewModel = viewModel(true);
        gateway.onStart(listener -> {
            listener.onEvent(event("kafka", Phase.RESOLVING, "fetching binaries"));
            assertEquals(ServerStatus.RESOLVING, row(viewModel, "kafka").getStatus());
            assertEquals(Tone.WARN, row(viewModel, "kafka").getStatus().tone());
            assertEquals("fetching binaries", row(viewModel, "kafka").getDetail());
            assertEquals(StackMode.STARTING, viewModel.modeProperty().get());
            assertFalse(viewModel.canStartProperty().get());
            assertFalse(viewModel.canStopProperty().get());

            listener.onEvent(event("kafka", Phase.READY, "ready (pid 2000)"));
            assertEquals(ServerStatus.READY, row(viewModel, "kafka").getStatus());
            assertEquals(Tone.OK, row(viewModel, "kafka").getStatus().tone());
            assertEquals("1.5 s", row(viewModel, "kafka").getElapsed());
            return StackStates.running(FakeStackGateway.OWN_PID, 1);
        });

        viewModel.open();

        assertEquals(1, gateway.startCalls.get());
        assertEquals(StackMode.RUNNING, viewModel.modeProperty().get());
        assertTrue(viewModel.supervisingProperty().get());
        assertTrue(viewModel.canStopProperty().get());
        ServerRow kafka = row(viewModel, "kafka");
        assertAll(
                () -> assertEquals(ServerStatus.READY, kafka.getStatus()),
                () -> assertEquals("127.0.0.1:9092", kafka.getEndpoint()),
                () -> assertEquals("2000", kafka.getPid()),
                () -> assertEquals(StackStates.KAFKA_VERSION, kafka.getVersion()),
                () -> assertEquals("127.0.0.1:9042", row(viewModel, "cassandra-1").getEndpoint()),
                () -> assertEquals(ServerStatus.UP, row(viewModel, "redis").getStatus()));
    }

    @Test
    void aPortTheStartHadToMoveIsSaidOnThePage() {
        StackViewModel viewModel = viewModel(true);
        gateway.onStart(listener -> {
            listener.onEvent(new io.ringside.core.stack.PortMove("kafka", "Kafka listener", 9092, 9094).event());
            return StackStates.running(FakeStackGateway.OWN_PID, 1);
        });

        viewModel.open();

        assertEquals("Ports moved: Kafka listener port 9092 was in use, so kafka listens on 9094. The local profile "
                + "uses the new ports; other clients need them too.", viewModel.portNoticeProperty().get());
        assertTrue(viewModel.log().stream().anyMatch(line -> line.contains("kafka listens on 9094")), "logged too");
    }

    /** A moved Redis port moves the Redis Cluster's nodes after it: one line per server, as 'stack up' prints them. */
    @Test
    void severalMovedPortsAreSaidOneLineEach() {
        StackViewModel viewModel = viewModel(true);
        List<PortMove> moves = new ArrayList<>();
        moves.add(new PortMove("redis", "Redis", 6379, 6380));
        for (int i = 1; i <= 6; i++) {
            moves.add(new PortMove("redis-cluster-" + i, "Redis Cluster node", 6379 + i,
                    6380 + i));
        }
        gateway.onStart(listener -> {
            moves.forEach(move -> listener.onEvent(move.event()));
            return StackStates.running(FakeStackGateway.OWN_PID, 1);
        });

        viewModel.open();

        List<String> lines = viewModel.portNoticeProperty().get().lines().toList();
        assertEquals(9, lines.size(), viewModel.portNoticeProperty().get());
        assertEquals("Ports moved:", lines.get(0));
        for (int i = 0; i < moves.size(); i++) {
            assertEquals(moves.get(i).describe(), lines.get(1 + i));
        }
        assertEquals("The local profile uses the new ports; other clients need them too.", lines.get(8));
    }

    @Test
    void failedStartShowsTheWholeMessageAndAllowsAnotherStart() {
        StackViewModel viewModel = viewModel(true);
        gateway.onStart(listener -> {
            listener.onEvent(event("kafka", Phase.STARTING, "launching process"));
            listener.onEvent(event("kafka", Phase.FAILED, "kafka exited during startup with code 1"));
            listener.onEvent(event("kafka", Phase.STOPPED, "not running"));
            throw new StackException("The local stack did not start; the servers that had started were stopped.\n"
                    + "kafka exited during startup with code 1. Last lines of server.log:\n  port 9092 in use");
        });

        viewModel.open();

        assertEquals(StackMode.FAILED, viewModel.modeProperty().get());
        assertTrue(viewModel.errorShownProperty().get());
        assertEquals("The local stack did not start", viewModel.errorTitleProperty().get());
        String message = viewModel.errorMessageProperty().get();
        assertTrue(message.contains("servers that had started were stopped"), message);
        assertTrue(message.contains("port 9092 in use"), message);
        assertEquals(ServerStatus.FAILED, row(viewModel, "kafka").getStatus(), "the clean-up's stop hides no failure");
        assertEquals("kafka exited during startup with code 1", row(viewModel, "kafka").getDetail());
        assertEquals(Tone.BAD, row(viewModel, "kafka").getStatus().tone());
        assertEquals(ServerStatus.STOPPED, row(viewModel, "redis").getStatus(), "no server left pending");
        assertTrue(viewModel.canStartProperty().get());
        assertFalse(viewModel.supervisingProperty().get());
        assertTrue(executor.scheduledDelays().isEmpty(), "no polling after a failed start");

        gateway.onStart(FakeStackGateway::startsEverything);
        viewModel.start();

        assertFalse(viewModel.errorShownProperty().get());
        assertEquals(StackMode.RUNNING, viewModel.modeProperty().get());
    }

    @Test
    void attachesWithoutStartingWhenAnotherProcessSupervises() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.running(FOREIGN_PID, 1));
        StackViewModel viewModel = viewModel(true);

        viewModel.open();

        assertEquals(StackMode.ATTACHED, viewModel.modeProperty().get());
        assertEquals(0, gateway.startCalls.get());
        assertEquals(1, gateway.followCalls.get());
        assertFalse(viewModel.supervisingProperty().get());
        assertTrue(viewModel.canStopProperty().get());
        assertFalse(viewModel.canStartProperty().get());
        assertTrue(viewModel.summaryProperty().get().contains(Long.toString(FOREIGN_PID)));
        assertEquals(ServerStatus.UP, row(viewModel, "cassandra-1").getStatus());
        assertEquals("1001", row(viewModel, "cassandra-1").getPid());
        assertEquals(List.of(StackViewModel.POLL_PERIOD), executor.scheduledDelays());
    }

    @Test
    void aStackOfThreeBrokersShowsOneRowPerBrokerWithTheStoppedOneDown() {
        StackState running = StackStates.running(FOREIGN_PID, 1);
        StackState.Kafka kafka = running.kafka();
        List<StackState.KafkaBroker> brokers = List.of(new StackState.KafkaBroker(1, 9092, 9093, true, 2001L),
                new StackState.KafkaBroker(2, 9094, 9095, false, null), new StackState.KafkaBroker(3, 9096, 9097, true, 2003L));
        gateway.foreignSupervisor(FOREIGN_PID).status(running.withKafka(new StackState.Kafka(
                "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096", kafka.host(), 9092, 9093, kafka.clusterId(), false, 2001L,
                kafka.version(), brokers)));
        StackViewModel viewModel = viewModel(true);

        viewModel.open();

        assertEquals(List.of("cassandra-1", "kafka-1", "kafka-2", "kafka-3", "redis"),
                viewModel.rows().stream().map(ServerRow::getName).toList());
        assertEquals(ServerStatus.UP, row(viewModel, "kafka-1").getStatus());
        assertFalse(row(viewModel, "kafka-2").getStatus().running());
        assertEquals("2003", row(viewModel, "kafka-3").getPid());
    }

    @Test
    void aRedisClusterNodeIsARowWithItsRoleAndAStoppedMasterShowsDown() {
        StackState running = StackStates.running(FOREIGN_PID, 1);
        gateway.foreignSupervisor(FOREIGN_PID).status(running.withRedisCluster(List.of(
                new StackState.RedisClusterNode("redis-cluster-1", "127.0.0.1", 6380, "master", false, null),
                new StackState.RedisClusterNode("redis-cluster-4", "127.0.0.1", 6383, "master", true, 4104L))));
        StackViewModel viewModel = viewModel(true);

        viewModel.open();

        assertEquals(ServerStatus.DOWN, row(viewModel, "redis-cluster-1").getStatus());
        assertEquals(ServerStatus.UP, row(viewModel, "redis-cluster-4").getStatus());
        assertEquals("cluster master", row(viewModel, "redis-cluster-4").getVersion());
        assertEquals("127.0.0.1:6383", row(viewModel, "redis-cluster-4").getEndpoint());
    }

    @Test
    void attachedModeReplaysTheSupervisorsEvents() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.supervisedButDown(FOREIGN_PID))
                .foreignHistory(List.of(
                        event("cassandra-1", Phase.PENDING, "waiting to start"),
                        event("cassandra-1", Phase.STARTING, "joining the ring")));
        StackViewModel viewModel = viewModel(true);

        viewModel.open();

        assertEquals(ServerStatus.STARTING, row(viewModel, "cassandra-1").getStatus());
        assertEquals("joining the ring", row(viewModel, "cassandra-1").getDetail());
        assertEquals(ServerStatus.DOWN, row(viewModel, "kafka").getStatus());
        assertTrue(viewModel.log().stream().anyMatch(line -> line.contains("joining the ring")));
    }

    /** The supervisor sends its earlier events again on attaching: each is logged at its own time. */
    @Test
    void replayedEventsKeepTheTimeTheyHappened() {
        long fiveMinutesAgo = clock.millis() - Duration.ofMinutes(5).toMillis();
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.supervisedButDown(FOREIGN_PID))
                .foreignHistory(List.of(new StackEvent("cassandra-1", Phase.STARTING, "joining the ring", 0,
                        fiveMinutesAgo)));
        StackViewModel viewModel = viewModel(true);

        viewModel.open();

        assertTrue(viewModel.log().contains("11:55:00  " + new StackEvent("cassandra-1", Phase.STARTING,
                "joining the ring", 0).describe()), viewModel.log().toString());
        assertTrue(viewModel.log().stream().anyMatch(line -> line.startsWith("12:00:00  Attached")),
                "the attach itself is now: " + viewModel.log());
        assertTrue(viewModel.log().get(viewModel.log().size() - 1).startsWith("12:00:00  Attached"),
                "the log reads in time order, the attach after what the supervisor did before it: " + viewModel.log());
    }

    @Test
    void attachedPollsEveryTwoSecondsAndBacksOffWhileStatusFails() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.running(FOREIGN_PID, 1));
        StackViewModel viewModel = viewModel(true);
        viewModel.open();

        gateway.statusFails("state file unreadable");
        executor.runScheduled();
        assertEquals(List.of(Duration.ofSeconds(4)), executor.scheduledDelays());
        executor.runScheduled();
        assertEquals(List.of(Duration.ofSeconds(8)), executor.scheduledDelays());
        for (int i = 0; i < 5; i++) {
            executor.runScheduled();
        }
        assertEquals(List.of(StackViewModel.MAX_POLL_BACKOFF), executor.scheduledDelays());

        gateway.status(StackStates.running(FOREIGN_PID, 1));
        executor.runScheduled();
        assertEquals(List.of(StackViewModel.POLL_PERIOD), executor.scheduledDelays());
        assertEquals(StackMode.ATTACHED, viewModel.modeProperty().get());
        assertEquals(1, viewModel.log().stream().filter(line -> line.contains("state file unreadable")).count(),
                "a failing poll is logged once, not every time");
    }

    @Test
    void pollMarksAServerDownWhenItStopsAnswering() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.running(FOREIGN_PID, 1));
        StackViewModel viewModel = viewModel(true);
        viewModel.open();

        gateway.status(StackStates.supervisedButDown(FOREIGN_PID));
        executor.runScheduled();

        assertEquals(ServerStatus.DOWN, row(viewModel, "redis").getStatus());
        assertEquals(Tone.BAD, row(viewModel, "redis").getStatus().tone());
        assertEquals("", row(viewModel, "redis").getPid());
    }

    @Test
    void attachedModeEndsWhenTheSupervisorExits() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.running(FOREIGN_PID, 1));
        StackViewModel viewModel = viewModel(true);
        viewModel.open();

        gateway.noForeignSupervisor().status(StackStates.stopped(1));
        executor.runScheduled();

        assertEquals(StackMode.STOPPED, viewModel.modeProperty().get());
        assertTrue(viewModel.canStartProperty().get());
        assertEquals(ServerStatus.STOPPED, row(viewModel, "kafka").getStatus());
        assertTrue(executor.scheduledDelays().isEmpty(), "polling stops with the supervisor");
        assertEquals(0, gateway.startCalls.get(), "a stack stopped elsewhere is not restarted behind the user's back");
    }

    @Test
    void stoppingAForeignStackNeedsConfirmation() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.running(FOREIGN_PID, 1));
        StackViewModel viewModel = viewModel(true);
        viewModel.open();

        dialogs.answering(false);
        viewModel.stop();
        assertEquals(1, dialogs.asked().size());
        assertTrue(dialogs.asked().get(0).contains(Long.toString(FOREIGN_PID)));
        assertEquals(0, gateway.stopForeignCalls.get());
        assertEquals(StackMode.ATTACHED, viewModel.modeProperty().get());

        dialogs.answering(true);
        viewModel.stop();
        assertEquals(1, gateway.stopForeignCalls.get());
        assertEquals(StackMode.STOPPED, viewModel.modeProperty().get());
        assertEquals(ServerStatus.STOPPED, row(viewModel, "cassandra-1").getStatus());
        assertTrue(viewModel.canStartProperty().get());
    }

    @Test
    void stoppingOwnStackStopsItWithoutAsking() {
        StackViewModel viewModel = viewModel(true);
        viewModel.open();

        viewModel.stop();

        assertEquals(1, gateway.stopOwnCalls.get());
        assertTrue(dialogs.asked().isEmpty());
        assertEquals(StackMode.STOPPED, viewModel.modeProperty().get());
        assertFalse(viewModel.supervisingProperty().get());
        assertEquals(ServerStatus.STOPPED, row(viewModel, "redis").getStatus());
    }

    @Test
    void aStackDownFromAnotherProcessShowsTheStackStoppedAndItCanStartAgain() {
        StackViewModel viewModel = viewModel(true);
        viewModel.open();
        assertEquals(StackMode.RUNNING, viewModel.modeProperty().get());

        gateway.status(StackStates.stopped(1));
        executor.runScheduled();

        assertEquals(StackMode.STOPPED, viewModel.modeProperty().get());
        assertFalse(viewModel.supervisingProperty().get(), "closing the console must not try to stop it again");
        assertTrue(viewModel.canStartProperty().get());
        assertTrue(viewModel.log().stream().anyMatch(l -> l.contains("stopped by another process")),
                viewModel.log().toString());
        assertEquals(0, gateway.stopOwnCalls.get());

        viewModel.start();
        assertEquals(2, gateway.startCalls.get());
        assertEquals(StackMode.RUNNING, viewModel.modeProperty().get());
    }

    @Test
    void withoutAutoStartNothingStarts() {
        gateway.status(StackStates.stopped(2));
        StackViewModel viewModel = viewModel(false);

        viewModel.open();

        assertEquals(0, gateway.startCalls.get());
        assertEquals(StackMode.STOPPED, viewModel.modeProperty().get());
        assertTrue(viewModel.canStartProperty().get());
        assertEquals(List.of("cassandra-1", "cassandra-2", "kafka", "redis"),
                viewModel.rows().stream().map(ServerRow::getName).toList());
        assertEquals(Tone.MUTED, row(viewModel, "cassandra-2").getStatus().tone());
        assertEquals("127.0.0.2:9042", row(viewModel, "cassandra-2").getEndpoint());
    }

    @Test
    void closingStopsTheStackThisConsoleSupervisesBeforeExiting() {
        StackViewModel viewModel = viewModel(true);
        viewModel.open();
        AtomicBoolean exited = new AtomicBoolean();

        viewModel.shutdown(() -> {
            assertEquals(1, gateway.stopOwnCalls.get(), "stopped before exit");
            exited.set(true);
        });

        assertTrue(exited.get());
        assertFalse(viewModel.canStartProperty().get(), "no start while closing");
    }

    @Test
    void closingLeavesAForeignStackRunning() {
        gateway.foreignSupervisor(FOREIGN_PID).status(StackStates.running(FOREIGN_PID, 1));
        StackViewModel viewModel = viewModel(true);
        viewModel.open();
        AtomicBoolean exited = new AtomicBoolean();

        viewModel.shutdown(() -> exited.set(true));

        assertTrue(exited.get());
        assertEquals(0, gateway.stopForeignCalls.get());
        assertEquals(0, gateway.stopOwnCalls.get());
        assertTrue(executor.scheduledDelays().isEmpty(), "polling stops on close");
    }

    @Test
    void readyIsNotOverruledByAPollThatLagsBehind() {
        StackViewModel viewModel = viewModel(true);
        viewModel.open();
        gateway.status(StackStates.supervisedButDown(FakeStackGateway.OWN_PID));

        executor.runScheduled();
        assertEquals(ServerStatus.READY, row(viewModel, "kafka").getStatus(), "fresh event wins");

        clock.advance(Duration.ofMillis(ServerRow.EVENT_GRACE_MILLIS + 1));
        executor.runScheduled();
        assertEquals(ServerStatus.DOWN, row(viewModel, "kafka").getStatus(), "old event loses");
    }

    @Test
    void eventLogKeepsOnlyTheNewestLines() {
        int total = StackViewModel.LOG_LIMIT + 100;
        gateway.onStart(listener -> {
            for (int i = 0; i < total; i++) {
                listener.onEvent(event("redis", Phase.RESOLVING, "step " + i));
            }
            return StackStates.running(FakeStackGateway.OWN_PID, 1);
        });
        StackViewModel viewModel = viewModel(true);

        viewModel.open();

        assertEquals(StackViewModel.LOG_LIMIT, viewModel.log().size());
        assertTrue(viewModel.log().get(viewModel.log().size() - 1).contains("All servers are ready"));
        assertTrue(viewModel.log().stream().anyMatch(line -> line.endsWith("step " + (total - 1))));
        assertFalse(viewModel.log().stream().anyMatch(line -> line.endsWith("step 0")));
    }

    @Test
    void withThePageAndTheStartDialogShownTheElapsedTimeAdvancesOncePerTick() {
        StackViewModel viewModel = viewModel(true);
        StartProgressViewModel dialog = new StartProgressViewModel(viewModel);
        List<String> elapsed = new ArrayList<>();
        gateway.onStart(listener -> {
            listener.onEvent(new StackEvent("cassandra-1", Phase.STARTING, "joining the ring", 0));
            assertTrue(dialog.showingProperty().get());
            row(viewModel, "cassandra-1").elapsedProperty().addListener((obs, old, now) -> elapsed.add(now));
            assertEquals(1, executor.scheduledDelays().stream().filter(StackViewModel.TICK_PERIOD::equals).count(),
                    "one tick for both viewers: " + executor.scheduledDelays());
            for (int second = 1; second <= 3; second++) {
                clock.advance(Duration.ofSeconds(1));
                executor.runScheduled();
            }
            assertEquals(List.of(String.format("%.1f s", 1.0), String.format("%.1f s", 2.0),
                    String.format("%.1f s", 3.0)), elapsed, "one change per tick");
            return StackStates.running(FakeStackGateway.OWN_PID, 1);
        });

        viewModel.activate();

        assertFalse(dialog.showingProperty().get());
        assertEquals(1, executor.scheduledDelays().stream().filter(StackViewModel.TICK_PERIOD::equals).count(),
                "the page still shows the times");
        viewModel.deactivate();
        assertFalse(executor.scheduledDelays().contains(StackViewModel.TICK_PERIOD), "nobody shows the times");
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSentinelGroupShowsItsReplicaAndSentinelsAfterRedis() {
        gateway.status(io.ringside.core.stack.StateFileTest.withSentinels());
        StackViewModel viewModel = viewModel(false);

        viewModel.open();

        assertEquals(List.of("cassandra-1", "kafka", "redis", "redis-replica", "redis-sentinel-1", "redis-sentinel-2",
                "redis-sentinel-3"), viewModel.rows().stream().map(ServerRow::getName).toList());
        assertEquals("127.0.0.1:6392", row(viewModel, "redis-sentinel-2").getEndpoint());
    }
}
