package io.ringside.core.connect;

import io.ringside.core.stack.StackState;

/** Profiles that point at a running test stack, as an operator would type them in. */
public final class Profiles {

    private Profiles() {
    }

    public static ConnectionProfile of(String id, StackState state, boolean readOnly) {
        return new ConnectionProfile(id, id, "#0969da", readOnly,
                new ConnectionProfile.Cassandra(state.cassandra().nodes().stream()
                        .map(node -> node.address() + ":" + node.port()).toList(), "datacenter1", null, null, null),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), null, null, 0, null),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), null, null, null));
    }
}
