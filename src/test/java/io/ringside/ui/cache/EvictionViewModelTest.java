package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.redis.EvictionPreview;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictionViewModelTest {

    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private final EvictionViewModel eviction = new EvictionViewModel(gateway, new CurrentThreadTaskExecutor());

    @Test
    void previewFirstThenTheTypedPatternUnlocksTheEviction() {
        gateway.preview = new EvictionPreview("pm25:*", 42, List.of("pm25:a".getBytes(StandardCharsets.UTF_8),
                new byte[] {'p', 0}, "pm25:Dongsi:2014".getBytes(StandardCharsets.UTF_8)));
        eviction.open("pm25:*");

        assertEquals(List.of("preview pm25:*"), gateway.actions);
        assertEquals(List.of("pm25:a", "p\\x00", "pm25 · Dongsi · 2014 (pm25:Dongsi:2014)"), eviction.sample(),
                "Ringside's keys named readably beside their raw keys");
        assertTrue(eviction.summaryProperty().get().contains("42 keys"));
        assertFalse(eviction.confirmableProperty().get());

        eviction.evict();
        assertEquals(1, gateway.actions.size(), "nothing evicted before the pattern is typed");
        assertFalse(eviction.errorProperty().get().isEmpty());

        eviction.typedProperty().set("pm25:");
        assertFalse(eviction.confirmableProperty().get());
        eviction.typedProperty().set("pm25:*");
        assertTrue(eviction.confirmableProperty().get());

        eviction.evict();
        assertEquals("evict-pattern pm25:* typed pm25:*", gateway.actions.get(1));
        assertEquals(EvictionViewModel.Phase.EVICTING, eviction.phaseProperty().get());
    }

    @Test
    void progressPauseCancelAndOutcome() {
        gateway.preview = new EvictionPreview("x:*", 10, List.of());
        eviction.open("x:*");
        eviction.typedProperty().set("x:*");
        eviction.evict();

        gateway.emitEviction(5, null);
        assertEquals(0.5, eviction.progressProperty().get(), 1e-9);
        eviction.pause();
        assertEquals(EvictionViewModel.Phase.PAUSED, eviction.phaseProperty().get());
        eviction.resume();
        eviction.cancel();
        gateway.emitEviction(6, "cancelled");

        assertEquals(List.of("pause", "resume", "stop"), gateway.evictionControl.calls);
        assertEquals(EvictionViewModel.Phase.ENDED, eviction.phaseProperty().get());
        assertEquals("Evicted 6 keys matching x:*, then cancelled", eviction.summaryProperty().get());
    }

    @Test
    void changingThePatternAfterThePreviewAsksForANewOne() {
        gateway.preview = new EvictionPreview("x:*", 10, List.of());
        eviction.open("x:*");
        eviction.patternProperty().set("y:*");
        eviction.typedProperty().set("y:*");

        assertFalse(eviction.confirmableProperty().get());
        assertEquals(EvictionViewModel.Phase.EDITING, eviction.phaseProperty().get());
    }

    @Test
    void nothingToEvictCannotBeConfirmed() {
        gateway.preview = new EvictionPreview("none:*", 0, List.of());
        eviction.open("none:*");
        eviction.typedProperty().set("none:*");

        assertFalse(eviction.confirmableProperty().get());
        assertEquals("No keys match none:*", eviction.summaryProperty().get());
    }
}
