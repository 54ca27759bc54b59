package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.redis.ServerSummary;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class EvictionPolicyViewModelTest {

    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final SimpleObjectProperty<ServerSummary> summaries = new SimpleObjectProperty<>();

    private EvictionPolicyViewModel policy(FakeDialogService dialogs) {
        return new EvictionPolicyViewModel(gateway, executor, dialogs, summaries);
    }

    private static ServerSummary serverWith(String policy) {
        return new ServerSummary("7.0.15", "standalone", "master", 10, 1 << 20, 1 << 30, policy, 1, 0, Map.of());
    }

    @Test
    void theChoiceFollowsTheServerUntilTheOperatorPicksAnother() {
        EvictionPolicyViewModel policy = policy(new FakeDialogService().answering(true));
        summaries.set(serverWith("allkeys-lru"));
        assertEquals("allkeys-lru", policy.chosenProperty().get());
        summaries.set(serverWith("noeviction"));
        assertEquals("noeviction", policy.chosenProperty().get());

        policy.chosenProperty().set("volatile-ttl");
        summaries.set(serverWith("allkeys-random"));
        assertEquals("volatile-ttl", policy.chosenProperty().get(), "the operator's pick stays");
        assertEquals("allkeys-random", policy.currentProperty().get());
    }

    @Test
    void applyingAsksFirstThenSetsThePolicy() {
        FakeDialogService dialogs = new FakeDialogService().answering(true);
        EvictionPolicyViewModel policy = policy(dialogs);
        summaries.set(serverWith("allkeys-lru"));
        policy.chosenProperty().set("allkeys-lfu");
        policy.apply();

        assertEquals(1, dialogs.asked().size());
        assertEquals("allkeys-lfu", gateway.evictionPolicy);
        assertEquals("allkeys-lfu", policy.currentProperty().get());
        assertEquals("Eviction policy now allkeys-lfu (was allkeys-lru)", policy.messageProperty().get());
    }

    @Test
    void declinedOrUnchangedSendsNothing() {
        EvictionPolicyViewModel policy = policy(new FakeDialogService().answering(false));
        summaries.set(serverWith("allkeys-lru"));
        policy.apply();
        policy.chosenProperty().set("noeviction");
        policy.apply();

        assertEquals(List.of(), gateway.actions);
        assertEquals("allkeys-lru", policy.chosenProperty().get(), "the choice goes back to the server's");
    }

    @Test
    void aReadOnlyProfileDisablesTheChangeAndARefusalIsShown() {
        gateway.readOnly = true;
        EvictionPolicyViewModel policy = policy(new FakeDialogService().answering(true));
        summaries.set(serverWith("allkeys-lru"));
        assertTrue(policy.readOnlyProperty().get());

        policy.chosenProperty().set("noeviction");
        policy.apply();
        assertEquals("allkeys-lru", gateway.evictionPolicy);
        assertTrue(policy.messageProperty().get().startsWith("Eviction policy not changed: Refused"),
                policy.messageProperty().get());
        assertEquals("allkeys-lru", policy.chosenProperty().get());
    }
}
