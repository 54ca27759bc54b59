package io.ringside.ui.testing;

import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.core.stack.StackState;
import java.util.ArrayList;
import java.util.List;

/** Stack states and events as the core would report them, for fakes. */
public final class StackStates {

    public static final String CASSANDRA_VERSION = "5.0.9";
    public static final String KAFKA_VERSION = "4.1.1";
    public static final String REDIS_VERSION = "6.2.11";

    private StackStates() {
    }

    /** Every server up, supervised by {@code supervisorPid}. */
    public static StackState running(long supervisorPid, int nodes) {
        return state(nodes, true, new StackState.Supervisor(supervisorPid, "/control.sock"));
    }

    /** A stack that ran once: endpoints recorded, nothing up, no supervisor. */
    public static StackState stopped(int nodes) {
        return state(nodes, false, null);
    }

    /** Endpoints recorded and a supervisor alive, but no server answering (yet). */
    public static StackState supervisedButDown(long supervisorPid) {
        return state(1, false, new StackState.Supervisor(supervisorPid, "/control.sock"));
    }

    private static StackState state(int nodes, boolean up, StackState.Supervisor supervisor) {
        List<StackState.CassandraNode> nodeStates = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            nodeStates.add(new StackState.CassandraNode(id, "127.0.0." + id, 9042, 7000, 7199 + 100 * (id - 1),
                    up, up ? 1000L + id : null, CASSANDRA_VERSION));
        }
        return StackState.builder()
                .cassandra(new StackState.Cassandra("ringside-local", nodeStates))
                .kafka(new StackState.Kafka("127.0.0.1:9092", "127.0.0.1", 9092, 9093, "cluster-id", up, up ? 2000L : null,
                        KAFKA_VERSION))
                .redis(new StackState.Redis("127.0.0.1", 6379, up, up ? 3000L : null, REDIS_VERSION, "redis-server"))
                .supervisor(supervisor)
                .build();
    }

    public static StackEvent event(String server, Phase phase, String detail) {
        return new StackEvent(server, phase, detail, 1500);
    }

    /** The servers of a one-node stack, in the order the core starts them. */
    public static List<String> servers() {
        return List.of("redis", "kafka", "cassandra-1");
    }
}
