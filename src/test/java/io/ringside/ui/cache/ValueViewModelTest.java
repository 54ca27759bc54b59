package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.redis.ValueView;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueViewModelTest {

    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private final ValueViewModel viewer = new ValueViewModel(gateway, new CurrentThreadTaskExecutor());
    private final KeyRow row = new KeyRow("big".getBytes(StandardCharsets.UTF_8), "string", -1, 5 << 20);

    @Test
    void aStringAboveTheGuardIsLoadedOnlyWhenAsked() {
        gateway.value = new ValueView(row.key(), "string", 5 << 20, true, null, List.of(), null);
        viewer.show(row);

        assertTrue(viewer.guardedProperty().get());
        assertEquals("", viewer.textProperty().get());
        assertTrue(viewer.detailsProperty().get().contains("not loaded"), viewer.detailsProperty().get());

        gateway.value = new ValueView(row.key(), "string", 5 << 20, false, new ValueView.StringValue(
                ValueView.Encoding.GZIP, "date,avg\n", 5 << 20, 20 << 20, true, "chunk 3 of 9 of pm25 v1"), List.of(),
                null);
        viewer.loadAnyway();

        assertEquals(List.of("read big", "read big force"), gateway.actions);
        assertFalse(viewer.guardedProperty().get());
        assertEquals("date,avg\n", viewer.textProperty().get());
        assertTrue(viewer.detailsProperty().get().contains("20.00 MiB inflated"), viewer.detailsProperty().get());
        assertTrue(viewer.detailsProperty().get().contains("chunk 3 of 9"), viewer.detailsProperty().get());
    }

    @Test
    void aCachedPm25YearIsTitledReadablyAndShownAsDaysAndABigStringAsItsBeginning() {
        String key = io.ringside.core.data.pm25.Pm25Cache.key("Dongsi, Beijing", 2014);
        KeyRow pm25 = new KeyRow(key.getBytes(StandardCharsets.UTF_8), "string", -1, 100);
        List<io.ringside.core.data.pm25.DailyPm25> days = List.of(new io.ringside.core.data.pm25.DailyPm25(
                "Dongsi, Beijing", java.time.LocalDate.of(2014, 3, 1), 80, 20, 150, 24));
        gateway.value = new ValueView(pm25.key(), "string", 41, false, new ValueView.StringValue(
                ValueView.Encoding.PM25_SERIES, "date\tavg\n", 41, -1, false, "", days), List.of(), null);

        viewer.show(pm25);

        assertEquals("pm25 · Dongsi, Beijing · 2014", viewer.titleProperty().get());
        assertEquals(key, viewer.rawKeyProperty().get());
        assertTrue(viewer.readableTitleProperty().get());
        assertTrue(viewer.seriesProperty().get());
        assertEquals(days, viewer.days());
        assertTrue(viewer.detailsProperty().get().startsWith("PM2.5 daily series, 1 day (2014-03-01 to 2014-03-01)"),
                viewer.detailsProperty().get());

        gateway.value = new ValueView(row.key(), "string", 5 << 20, true, new ValueView.StringValue(
                ValueView.Encoding.TEXT, "the beginning", 5 << 20, -1, true, ""), List.of(), null);
        viewer.show(row);
        assertFalse(viewer.seriesProperty().get());
        assertFalse(viewer.readableTitleProperty().get());
        assertEquals("the beginning", viewer.textProperty().get());
        assertTrue(viewer.detailsProperty().get().contains("beginning shown (Load anyway for all of it)"),
                viewer.detailsProperty().get());
    }

    @Test
    void collectionsArePagedAndSaved() {
        KeyRow hash = new KeyRow("h".getBytes(StandardCharsets.UTF_8), "hash", -1, 10);
        gateway.value = new ValueView(hash.key(), "hash", 3, false, null, List.of(new ValueView.Entry("a", "1"),
                new ValueView.Entry("b", "2")), "17");
        viewer.show(hash);
        assertTrue(viewer.collectionProperty().get());
        assertTrue(viewer.hasNextPageProperty().get());

        gateway.value = new ValueView(hash.key(), "hash", 3, false, null, List.of(new ValueView.Entry("c", "3")), null);
        viewer.nextPage();
        assertEquals(List.of("a", "b", "c"), viewer.entries().stream().map(ValueView.Entry::name).toList());
        assertFalse(viewer.hasNextPageProperty().get());

        viewer.save(Path.of("h.tsv"));
        assertEquals("save h.tsv", gateway.actions.get(2));
    }
}
