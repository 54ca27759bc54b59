package io.ringside.ui.cache;

import static io.ringside.ui.testing.FakeCacheGateway.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.redis.NamespaceTree;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyBrowserViewModelTest {

    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService().answering(true);
    private final SteppingClock clock = new SteppingClock();
    private final KeyBrowserViewModel browser = new KeyBrowserViewModel(gateway, executor, dialogs, clock);

    @Test
    void pagesReachTheTableWithProgressAndTheNamespaceTree() {
        browser.patternProperty().set("pm25:*");
        browser.typeFilterProperty().set("string");
        browser.scan();

        assertEquals("pm25:*", gateway.scans.get(0).pattern());
        assertEquals("string", gateway.scans.get(0).type());
        assertEquals(KeyBrowserViewModel.ScanState.RUNNING, browser.stateProperty().get());

        gateway.emit(List.of(key("pm25:Dongsi:2014", "string", -1, 100), key("pm25:Dongsi:2015", "string", 5000, 50),
                key("pm25:Tiantan:2014", "string", -1, 70)), 1000, 5000, false);

        assertEquals(3, browser.rows().size());
        assertEquals(1000, browser.examinedProperty().get());
        assertEquals(5000, browser.dbSizeProperty().get());
        NamespaceTree.Node pm25 = browser.tree().root().child("pm25");
        assertEquals(3, pm25.keys());
        assertEquals(2, pm25.child("Dongsi").keys());
        assertEquals("pm25:Dongsi:*", pm25.child("Dongsi").pattern());

        gateway.emit(List.of(), 5000, 5000, true);

        assertEquals(KeyBrowserViewModel.ScanState.DONE, browser.stateProperty().get());
        assertEquals(5000, browser.examinedProperty().get());
    }

    @Test
    void pagesAfterTheFirstAreGatheredUntilTheHoldPassesAndAPauseShowsThem() {
        browser.scan();
        gateway.emit(List.of(key("a:1", "string", -1, 1)), 1000, 9000, false);
        assertEquals(1, browser.rows().size(), "the first page at once");
        gateway.emit(List.of(key("a:2", "string", -1, 1)), 2000, 9000, false);
        assertEquals(1, browser.rows().size(), "the next pages gather into one batch");
        assertEquals(1000, browser.examinedProperty().get());
        clock.advance(Duration.ofMillis(100));
        gateway.emit(List.of(key("a:3", "hash", -1, 1)), 3000, 9000, false);
        assertEquals(3, browser.rows().size(), "handed over once the hold passed");
        gateway.emit(List.of(key("a:4", "set", 5000, 1)), 4000, 9000, false);
        assertEquals(3, browser.rows().size());
        browser.pause();
        assertEquals(4, browser.rows().size(), "a paused scan's gathered rows are not held back");
        assertEquals(4000, browser.examinedProperty().get());
        assertEquals(List.of("a:1", "a:2", "a:3", "a:4"), browser.rows().stream().map(KeyRow::displayKey).toList());
        browser.resume();
        gateway.emit(List.of(), 9000, 9000, true);
        assertEquals(KeyBrowserViewModel.ScanState.DONE, browser.stateProperty().get());
        assertEquals(4, browser.rows().size());
    }

    @Test
    void aNewScanLeavesThePreviousRowsUntilItsFirstBatchReplacesThem() {
        browser.scan();
        gateway.emit(List.of(key("old:1", "string", -1, 1), key("old:2", "string", -1, 1)), 2, 2, true);
        assertEquals(2, browser.listedProperty().get());

        browser.scan();
        assertEquals(0, browser.listedProperty().get(), "this scan listed nothing yet");
        assertEquals(2, browser.rows().size(), "the table keeps the previous rows for now");
        gateway.emit(List.of(key("new:1", "hash", -1, 1)), 1, 2, false);
        assertEquals(List.of("new:1"), browser.rows().stream().map(KeyRow::displayKey).toList());
        assertEquals(1, browser.listedProperty().get());

        browser.scan();
        gateway.emit(List.of(), 2, 2, true);
        assertTrue(browser.rows().isEmpty(), "a scan that finds nothing empties the table");
        assertEquals(0, browser.listedProperty().get());
    }

    @Test
    void theScanHoldsBrieflyOnceItsFirstRowsAreShownAndOnlyThen() {
        browser.scan();
        gateway.emit(List.of(), 1000, 9000, false);
        assertEquals(List.of(), gateway.scanControl.calls, "no rows yet: no hold");
        gateway.emit(List.of(key("a:1", "string", -1, 1)), 2000, 9000, false);
        assertEquals(List.of("pause", "resume"), gateway.scanControl.calls, "held, then resumed (at once here)");
        clock.advance(Duration.ofMillis(100));
        gateway.emit(List.of(key("a:2", "string", -1, 1)), 3000, 9000, false);
        assertEquals(List.of("pause", "resume"), gateway.scanControl.calls, "once a scan");
    }

    @Test
    void sizesAreAskedOnlyForTheRowsShownAndOnlyOnce() {
        browser.scan();
        long unknown = io.ringside.core.redis.KeyInfo.SIZE_NOT_FETCHED;
        gateway.emit(List.of(key("a:1", "string", -1, unknown), key("a:22", "hash", -1, unknown),
                key("a:333", "set", -1, unknown), key("b:1", "string", -1, 2048)), 4, 4, true);

        assertEquals("…", browser.sizeText(browser.rows().get(1)));
        assertEquals("…", browser.sizeText(browser.rows().get(2)));
        assertEquals("40 B", browser.sizeText(browser.rows().get(1)));
        assertEquals("50 B", browser.sizeText(browser.rows().get(2)));
        assertEquals("2.00 KiB", browser.sizeText(browser.rows().get(3)));
        assertEquals(List.of("a:22", "a:333"), gateway.sizesAsked);
        assertEquals(2, browser.sizesVersionProperty().get());

        browser.scan();
        gateway.emit(List.of(key("a:22", "hash", -1, unknown)), 1, 1, true);
        assertEquals("…", browser.sizeText(browser.rows().get(0)));
        assertEquals(List.of("a:22", "a:333", "a:22"), gateway.sizesAsked);
    }

    @Test
    void binaryKeysAreShownEscaped() {
        browser.scan();
        gateway.emit(List.of(new io.ringside.core.redis.KeyInfo(new byte[] {'k', 0, (byte) 0xff, '\n'}, "string", -1,
                10)), 1, 1, true);

        assertEquals("k\\x00\\xff\\n", browser.rows().get(0).displayKey());
    }

    @Test
    void pauseResumeAndStopReachTheScan() {
        browser.scan();
        browser.pause();
        assertEquals(KeyBrowserViewModel.ScanState.PAUSED, browser.stateProperty().get());
        browser.resume();
        browser.stop();

        assertEquals(List.of("pause", "resume", "stop"), gateway.scanControl.calls);
    }

    @Test
    void aNewScanStopsTheRunningOneAndIgnoresItsLatePages() {
        browser.scan();
        FakeCacheGateway.Recorder first = gateway.scanControl;
        browser.patternProperty().set("dataset:*");
        browser.scan();

        assertEquals(List.of("stop"), first.calls);
        assertEquals(2, gateway.scans.size());
    }

    @Test
    void ttlsCountDownWithOneClockTick() {
        browser.startTicking();
        browser.scan();
        gateway.emit(List.of(key("a", "string", 60_000, 1), key("b", "hash", -1, 1)), 2, 2, true);
        KeyRow a = browser.rows().get(0);
        assertEquals("1m 00s", a.ttlText(browser.nowProperty().get()));

        clock.advance(Duration.ofSeconds(15));
        executor.runScheduled();

        assertEquals("45 s", a.ttlText(browser.nowProperty().get()));
        assertEquals("—", browser.rows().get(1).ttlText(browser.nowProperty().get()));
        assertEquals(List.of(KeyBrowserViewModel.TICK), executor.scheduledDelays(), "one tick for all rows");
    }

    @Test
    void evictionOfTheSelectionRemovesWhatWentAndLeavesFailuresSelected() {
        browser.scan();
        gateway.emit(List.of(key("a", "string", -1, 1), key("b", "string", -1, 1), key("c", "string", -1, 1)), 3, 3,
                true);
        gateway.missing.add("b".getBytes(StandardCharsets.UTF_8));
        browser.select(List.of(browser.rows().get(0), browser.rows().get(1)));

        browser.evictSelection();

        assertEquals(List.of("evict 2"), gateway.actions);
        assertEquals(List.of("b", "c"), browser.rows().stream().map(KeyRow::displayKey).toList());
        assertEquals(List.of("b"), browser.selectionRequestProperty().get().stream().map(KeyRow::displayKey).toList());
        assertTrue(browser.messageProperty().get().contains("1 of 2"), browser.messageProperty().get());
        assertTrue(browser.messageProperty().get().contains("no such key"), browser.messageProperty().get());
        assertTrue(dialogs.asked().get(0).contains("2 keys"));
    }

    @Test
    void evictingAReadableKeyNamesItUncountsTheTreeAndSaysSoInWords() {
        String hyderabad = io.ringside.core.data.pm25.Pm25Cache.key("Hyderabad US Consulate, India (हैदराबाद)", 2025);
        browser.scan();
        gateway.emit(List.of(key(hyderabad, "string", -1, 10), key("pm25:Dongsi:2014", "string", -1, 20),
                key("pm25:Dongsi:2015", "string", -1, 30)), 3, 3, true);
        int treeVersion = browser.treeVersionProperty().get();
        browser.select(List.of(browser.rows().get(0)));

        browser.evictSelection();

        assertTrue(dialogs.asked().get(0).contains("pm25 · Hyderabad US Consulate, India (हैदराबाद) · 2025 (" + hyderabad + ")"),
                dialogs.asked().get(0));
        assertEquals("Evicted 1 key: pm25 · Hyderabad US Consulate, India (हैदराबाद) · 2025", browser.messageProperty().get());
        NamespaceTree.Node pm25 = browser.tree().root().child("pm25");
        assertEquals(2, pm25.keys());
        assertEquals(List.of("Dongsi"), pm25.children().stream().map(NamespaceTree.Node::name).toList(),
                "the location's namespace went with its only key");
        assertTrue(browser.treeVersionProperty().get() > treeVersion, "the tree is redrawn");

        browser.select(List.copyOf(browser.rows()));
        browser.evictSelection();
        assertEquals("Evicted 2 keys", browser.messageProperty().get());
        assertEquals(0, browser.tree().root().keys());
        assertTrue(browser.tree().root().children().isEmpty());
    }

    @Test
    void aRescanAfterAPatternEvictionKeepsWhatHappened() {
        browser.patternProperty().set("pm25:*");
        browser.rescan("Evicted 37 keys matching pm25:*");
        gateway.emit(List.of(), 10, 10, true);
        assertEquals("Evicted 37 keys matching pm25:*; no keys match", browser.messageProperty().get());
    }

    @Test
    void evictionNotConfirmedSendsNothing() {
        dialogs.answering(false);
        browser.scan();
        gateway.emit(List.of(key("a", "string", -1, 1)), 1, 1, true);
        browser.select(List.of(browser.rows().get(0)));

        browser.evictSelection();

        assertTrue(gateway.actions.isEmpty());
        assertEquals(1, browser.rows().size());
    }

    @Test
    void setTtlAndPersistUpdateTheRowsInPlace() {
        browser.scan();
        gateway.emit(List.of(key("a", "string", -1, 1)), 1, 1, true);
        browser.select(List.of(browser.rows().get(0)));
        browser.ttlSecondsProperty().set(90);

        browser.setTtl();
        assertEquals("1m 30s", browser.rows().get(0).ttlText(clock.millis()));

        browser.select(List.of(browser.rows().get(0)));
        browser.persist();
        assertEquals("—", browser.rows().get(0).ttlText(clock.millis()));
        assertEquals(List.of("ttl 90 1", "persist 1"), gateway.actions);
    }

    @Test
    void anExactKeyThatDoesNotExistSaysSo() {
        browser.patternProperty().set("pm25:Nowhere:2014");
        browser.scan();
        gateway.emit(List.of(), 1, 10, true);

        assertTrue(gateway.scans.get(0).exactKey());
        assertEquals("No key pm25:Nowhere:2014", browser.messageProperty().get());
    }

    @Test
    void aBadTypeIsAnErrorAndStartsNoScan() {
        browser.typeFilterProperty().set("blob");
        browser.scan();

        assertTrue(gateway.scans.isEmpty());
        assertFalse(browser.errorProperty().get().isEmpty());
    }

    @Test
    void rowsSortOnlyOnceTheScanEndedAndBySizesAskedSince() {
        long unknown = io.ringside.core.redis.KeyInfo.SIZE_NOT_FETCHED;
        browser.scan();
        gateway.emit(List.of(key("b", "string", -1, unknown), key("a", "hash", 60_000, unknown)), 2, 4, false);

        assertFalse(browser.sortableProperty().get());
        assertFalse(browser.sort(List.of(RowOrder.ascending(RowOrder.Column.KEY))), "refused while rows still come");
        assertEquals(List.of("b", "a"), keys());
        assertTrue(browser.sort(List.of()), "no order is nothing to refuse");
        browser.pause();
        assertFalse(browser.sortableProperty().get(), "a paused scan resumes appending");

        browser.resume();
        gateway.emit(List.of(key("cc", "set", 1000, unknown), key("ddd", "string", -1, 5)), 4, 4, true);
        assertTrue(browser.sortableProperty().get());
        assertEquals("…", browser.sizeText(browser.rows().get(2)));

        assertTrue(browser.sort(List.of(RowOrder.descending(RowOrder.Column.SIZE))));
        assertEquals(List.of("cc", "ddd", "b", "a"), keys(), "cc's size (20 B) was asked after the scan; b and a unknown");
        assertTrue(browser.sort(List.of(RowOrder.ascending(RowOrder.Column.TTL))));
        assertEquals(List.of("cc", "a", "ddd", "b"), keys(), "no TTL last");

        browser.scan();
        assertFalse(browser.sortableProperty().get());
    }

    @Test
    void anActionOnASortedSelectionChangesExactlyTheChosenRows() {
        browser.scan();
        gateway.emit(List.of(key("c", "string", -1, 1), key("a", "string", -1, 2), key("b", "string", -1, 3),
                key("a", "string", -1, 2)), 4, 4, true);
        browser.sort(List.of(RowOrder.descending(RowOrder.Column.KEY)));
        browser.select(List.of(browser.rows().get(1), browser.rows().get(2)));
        assertEquals(List.of("b", "a"), browser.selection().stream().map(KeyRow::displayKey).toList());
        assertEquals(List.of(1, 2, 3), java.util.Arrays.stream(browser.indicesOf(browser.selection())).boxed().toList(),
                "a key SCAN listed twice is found twice");
        gateway.missing.add("b".getBytes(StandardCharsets.UTF_8));

        browser.evictSelection();

        assertEquals(List.of("c", "b"), keys());
        assertEquals(List.of("b"), browser.selectionRequestProperty().get().stream().map(KeyRow::displayKey).toList());
        assertEquals(2, browser.listedProperty().get());
    }

    private List<String> keys() {
        return browser.rows().stream().map(KeyRow::displayKey).toList();
    }

    /** A clock the test moves by hand. */
    static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
