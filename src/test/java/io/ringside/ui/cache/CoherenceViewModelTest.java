package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CoherenceReport;
import io.ringside.core.data.cache.CoherenceState;
import io.ringside.core.data.cache.KeyCoherence;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoherenceViewModelTest {

    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    private static KeyCoherence key(String key, CoherenceState state) {
        return new KeyCoherence("pm25", key, state, 3_600_000, List.of(), state.label());
    }

    private CoherenceViewModel checked(FakeDialogService dialogs) {
        gateway.coherence = new CoherenceReport(List.of("pm25"), 50, List.of(key("pm25:a:2025", CoherenceState.FRESH),
                key("pm25:b:2025", CoherenceState.STALE), key("pm25:c:2025", CoherenceState.ORPHANED)));
        CoherenceViewModel coherence = new CoherenceViewModel(gateway, executor, dialogs);
        coherence.scopeProperty().set(CoherenceViewModel.Scope.PM25);
        coherence.sampleProperty().set(50);
        coherence.check();
        return coherence;
    }

    @Test
    void theCheckFillsTheTableAndEvictStaleRemovesOnlyTheStaleKeysAfterAConfirmation() {
        FakeDialogService dialogs = new FakeDialogService().answering(true);
        CoherenceViewModel coherence = checked(dialogs);
        assertEquals(List.of("check pm25 50"), gateway.actions);
        assertEquals(3, coherence.rows().size());
        assertTrue(coherence.staleFoundProperty().get());
        assertEquals("3 keys checked: 1 fresh, 1 stale, 1 orphaned. Evict the stale ones to have them read again.",
                coherence.summaryProperty().get());

        coherence.evictStale();
        assertEquals(1, dialogs.asked().size());
        assertTrue(dialogs.asked().get(0).contains("pm25:b:2025"), dialogs.asked().toString());
        assertEquals(List.of("check pm25 50", "evict 1"), gateway.actions);
        assertEquals(List.of("pm25:a:2025", "pm25:c:2025"), coherence.rows().stream().map(KeyCoherence::key).toList());
        assertFalse(coherence.staleFoundProperty().get());
        assertEquals("Evicted 1 stale key", coherence.summaryProperty().get());
    }

    @Test
    void aDeclinedConfirmationEvictsNothingAndAReadOnlyProfileIsRefused() {
        CoherenceViewModel declined = checked(new FakeDialogService().answering(false));
        declined.evictStale();
        assertEquals(List.of("check pm25 50"), gateway.actions);

        gateway.actions.clear();
        gateway.readOnly = true;
        CoherenceViewModel refused = checked(new FakeDialogService().answering(true));
        refused.evictStale();
        assertEquals(List.of("check pm25 50", "evict refused"), gateway.actions);
        assertTrue(refused.errorProperty().get().contains("read-only"), refused.errorProperty().get());
        assertEquals(3, refused.rows().size(), "nothing left the table");
    }
}
