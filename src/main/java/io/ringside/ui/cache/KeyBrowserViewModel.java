package io.ringside.ui.cache;

import io.ringside.ui.util.Errors;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.KeyFailure;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.NamespaceTree;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.TaskExecutor;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key browser: a scan's pages reach the table in coalesced batches, the namespace tree grows
 * with them, one clock tick a second counts every TTL down, and TTL / evict act on the selection.
 * Keys that an action could not change stay selected, the others are updated or removed. The scan
 * brings type and TTL only; the size of a row is asked for when the table first shows it (all
 * rows asked while one request is in flight go in the next), because MEMORY USAGE for every key
 * would add a sixth to the listing's cost on Redis's one thread for rows nobody scrolls to.
 */
public final class KeyBrowserViewModel {

    /** Where the scan stands. */
    public enum ScanState { IDLE, RUNNING, PAUSED, DONE }

    /** Rows kept at most; a browser is for looking, `keys` on the command line for exporting. */
    public static final int MAX_ROWS = 1_000_000;
    static final Duration BATCH_INTERVAL = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration FIRST_ROWS_BREATH = Duration.ofMillis(300);

    /** Rows made ready for the table on the scan's thread: in columns, namespaces counted. */
    private record Batch(KeyRowList rows, NamespaceTree namespaces, ScanProgress progress) {
    }

    /**
     * On the scan's thread (and a pause's flush, both holding its lock): gathers a scan's pages
     * into batches of about a {@link KeyRowList} chunk, which the table then takes over as they are. The first page goes at once (the first
     * rows show without waiting), then a batch when its chunk is nearly full, {@link #HOLD} has
     * passed or the scan ended. The FX thread neither copies nor allocates the rows' columns.
     */
    private static final class Staging {

        static final Duration HOLD = Duration.ofMillis(100);
        private static final int FULL = KeyRowList.CHUNK_ROWS - 1024;

        private final Clock clock;
        private KeyRowList rows;
        private NamespaceTree namespaces;
        private ScanProgress progress;
        private long startedAt;
        private boolean first = true;

        Staging(Clock clock) {
            this.clock = clock;
        }

        /** Adds a page; returns the batch to hand over now, or null while it gathers. */
        Batch add(List<KeyInfo> keys, ScanProgress pageProgress) {
            long nowMs = clock.millis();
            if (rows == null) {
                rows = new KeyRowList(KeyRowList.CHUNK_ROWS);
                namespaces = new NamespaceTree();
                startedAt = nowMs;
            }
            for (KeyInfo key : keys) {
                rows.append(key.key(), key.type(), key.ttlMs() < 0 ? -1 : nowMs + key.ttlMs(), key.bytes());
                namespaces.add(key.key(), key.bytes());
            }
            progress = pageProgress;
            if (!first && !progress.done() && rows.size() < FULL && nowMs - startedAt < HOLD.toMillis()) {
                return null;
            }
            first = first && rows.isEmpty();
            return flush();
        }

        /** The rows gathered so far, or null: when the scan pauses, they must not wait for its next page. */
        Batch flush() {
            if (rows == null) {
                return null;
            }
            Batch batch = new Batch(rows, namespaces, progress);
            rows = null;
            namespaces = null;
            return batch;
        }
    }

    private final CacheGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final StringProperty pattern = new SimpleStringProperty("*");
    private final ObjectProperty<String> typeFilter = new SimpleObjectProperty<>(null);
    private final KeyRowList rows = new KeyRowList();
    /**
     * The rows on screen are the previous scan's: a new scan leaves them until its first batch
     * replaces them in one change, since a table emptied and re-filled restyles every visible row
     * twice, the longest FX-thread pause of a listing; {@link #listedProperty()} already says 0.
     */
    private boolean rowsStale;
    private boolean breathed;
    private final ReadOnlyIntegerWrapper listed = new ReadOnlyIntegerWrapper();
    private final ObservableList<KeyRow> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<KeyRow>> selectionRequest = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<ScanState> state = new ReadOnlyObjectWrapper<>(ScanState.IDLE);
    private final ReadOnlyBooleanWrapper sortable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyLongWrapper examined = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dbSize = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper now;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper treeVersion = new ReadOnlyIntegerWrapper();
    private final IntegerProperty ttlSeconds = new SimpleIntegerProperty(3600);
    private final ReadOnlyIntegerWrapper sizesVersion = new ReadOnlyIntegerWrapper();
    private final Map<ByteBuffer, Long> sizes = new HashMap<>();
    private final Map<ByteBuffer, byte[]> sizesWanted = new LinkedHashMap<>();
    private boolean sizesInFlight;
    private boolean sizesAskScheduled;
    private NamespaceTree tree = new NamespaceTree();
    private CacheGateway.Control control;
    private long generation;
    private boolean endedBeforeControl;
    private final Poller<Void> ticker;
    private BatchesAhead batchesAhead = new BatchesAhead();
    private Runnable flushStaged = () -> { };

    /**
     * How far the scan may run ahead of the table. The batcher's queue is unbounded, so while the
     * FX thread is held up (a collection, a busy machine) the scan kept going and tens of thousands
     * of rows waited in memory, long enough for the collector to copy them to the old generation;
     * bounded, the scan waits for the table instead. 16 batches (up to some 120,000 rows) is more
     * than a scan delivers between two of the table's updates (250 ms), so an FX thread that keeps
     * up never slows the scan.
     */
    private static final class BatchesAhead {

        static final int BATCHES = 16;

        private final Semaphore room = new Semaphore(BATCHES);
        private volatile boolean abandoned;

        /** On the scan's thread: waits until the table has room; false when the scan was abandoned. */
        boolean awaitRoom() {
            try {
                while (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void shown(int batches) {
            room.release(batches);
        }

        /** A new scan replaced this one: whatever it still delivers is dropped, and it never waits. */
        void abandon() {
            abandoned = true;
        }
    }

    public KeyBrowserViewModel(CacheGateway gateway, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.now = new ReadOnlyLongWrapper(clock.millis());
        this.ticker = Poller.ticking(executor, TICK, () -> now.set(clock.millis()));
        state.addListener((obs, old, now) -> sortable.set(now != ScanState.RUNNING && now != ScanState.PAUSED));
    }

    /** Lists the keys matching the pattern and type; a running scan is stopped first. */
    public void scan() {
        stopScan();
        long scanGeneration = ++generation;
        ScanRequest request;
        try {
            request = ScanRequest.of(pattern.get().isBlank() ? "*" : pattern.get().strip(), typeFilter.get(), MAX_ROWS);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        rowsStale = !rows.isEmpty();
        breathed = false;
        listed.set(0);
        selection.clear();
        sizes.clear();
        sizesWanted.clear();
        tree = new NamespaceTree();
        treeVersion.set(treeVersion.get() + 1);
        examined.set(0);
        dbSize.set(0);
        error.set("");
        message.set("");
        endedBeforeControl = false;
        state.set(ScanState.RUNNING);
        BatchesAhead ahead = new BatchesAhead();
        batchesAhead.abandon();
        batchesAhead = ahead;
        FxBatcher<Batch> batcher = FxBatcher.onUi(executor, BATCH_INTERVAL, batch -> {
            ahead.shown(batch.size());
            if (scanGeneration == generation) {
                show(batch);
            }
        });
        Staging staging = new Staging(clock);
        Consumer<Batch> handOver = batch -> {
            if (batch != null && ahead.awaitRoom()) {
                batcher.add(batch);
            }
        };
        flushStaged = () -> executor.execute(BackgroundTask.wrap(() -> {
            synchronized (staging) {
                handOver.accept(staging.flush());
            }
            return null;
        }));
        BackgroundTask.wrap(() -> gateway.scan(request, (keys, progress) -> {
                    synchronized (staging) { // a pause's flush must not overtake a batch handed over here
                        handOver.accept(staging.add(keys, progress));
                    }
                }))
                .onSuccess(started -> {
                    if (scanGeneration != generation) {
                        started.stop();
                        return;
                    }
                    control = started;
                    if (endedBeforeControl) {
                        end();
                    }
                })
                .onFailure(e -> {
                    if (scanGeneration == generation) {
                        if (rowsStale) {
                            rowsStale = false;
                            rows.clear();
                        }
                        state.set(ScanState.DONE);
                        error.set(Errors.firstLine(e));
                    }
                })
                .executeWith(executor);
    }

    private void show(List<Batch> batches) {
        List<KeyRowList> pages = new ArrayList<>(batches.size());
        ScanProgress last = null;
        for (Batch batch : batches) {
            pages.add(batch.rows());
            tree.merge(batch.namespaces());
            last = batch.progress();
        }
        int before = rows.size();
        boolean replaced = rowsStale;
        if (replaced) {
            rowsStale = false;
            rows.replaceAll(pages);
        } else {
            rows.appendAll(pages);
        }
        listed.set(rows.size());
        if (!breathed && !rows.isEmpty() && !last.done()) {
            breatheAfterFirstRows();
        }
        if (replaced || rows.size() > before) {
            treeVersion.set(treeVersion.get() + 1);
        }
        examined.set(last.examined());
        dbSize.set(last.dbSize());
        if (last.done()) {
            if (control == null) {
                endedBeforeControl = true;
            } else {
                end();
            }
        }
    }

    /**
     * Holds the scan for {@link #FIRST_ROWS_BREATH} once its first rows are on screen. The table's
     * first fill (rows, cells and their styles given their first values, much of that code not yet
     * compiled) is the FX thread's heaviest moment of a listing, and it came just as the scan's
     * threads, Redis and the compiler took every core: on two cores its pulses were 100-200 ms
     * apart. The first rows still show at once; the listing ends that much later.
     */
    private void breatheAfterFirstRows() {
        breathed = true;
        CacheGateway.Control scanControl = control;
        if (scanControl == null || state.get() != ScanState.RUNNING) {
            return;
        }
        scanControl.pause();
        executor.runOnUi(FIRST_ROWS_BREATH, () -> {
            if (control == scanControl && state.get() == ScanState.RUNNING) {
                scanControl.resume();
            }
        });
    }

    private void end() {
        state.set(ScanState.DONE);
        control.failure().ifPresent(error::set);
        if (rows.size() >= MAX_ROWS) {
            message.set("Stopped at " + MAX_ROWS + " keys; narrow the pattern to see the rest");
        } else if (rows.isEmpty() && error.get().isEmpty()) {
            String none = ScanRequest.of(pattern.get().isBlank() ? "*" : pattern.get().strip(), null, 0).exactKey()
                    ? "No key " + pattern.get().strip() : "No keys match";
            message.set(message.get().isEmpty() ? none : message.get() + "; " + none.substring(0, 1).toLowerCase(Locale.ROOT)
                    + none.substring(1));
        }
    }

    /**
     * The size column's text for a row: its size if known, else "…" while it is asked for (the
     * column re-reads it when {@link #sizesVersionProperty()} changes).
     */
    public String sizeText(KeyRow row) {
        if (row.bytes() != KeyInfo.SIZE_NOT_FETCHED) {
            return row.sizeText();
        }
        ByteBuffer key = ByteBuffer.wrap(row.key());
        Long size = sizes.get(key);
        if (size != null) {
            return KeyRow.sizeText(size);
        }
        sizesWanted.putIfAbsent(key, row.key());
        if (!sizesAskScheduled) {
            // after the layout pass that asks for the visible rows' sizes: one request and one
            // re-fill of the size column for all of them, not one for the first row and another for the rest
            sizesAskScheduled = true;
            executor.runOnUi(Duration.ZERO, () -> {
                sizesAskScheduled = false;
                fetchSizes();
            });
        }
        return "…";
    }

    private void fetchSizes() {
        if (sizesInFlight || sizesWanted.isEmpty()) {
            return;
        }
        List<byte[]> keys = List.copyOf(sizesWanted.values());
        sizesWanted.clear();
        sizesInFlight = true;
        long scanGeneration = generation;
        BackgroundTask.wrap(() -> gateway.sizes(keys))
                .onFinished(() -> sizesInFlight = false)
                .onSuccess(answer -> {
                    if (scanGeneration == generation) {
                        for (int i = 0; i < answer.length; i++) {
                            sizes.put(ByteBuffer.wrap(keys.get(i)), answer[i]);
                        }
                        sizesVersion.set(sizesVersion.get() + 1);
                    }
                    fetchSizes();
                })
                .onFailure(e -> {
                    if (scanGeneration == generation) {
                        for (byte[] key : keys) {
                            sizes.put(ByteBuffer.wrap(key), -1L);
                        }
                        sizesVersion.set(sizesVersion.get() + 1);
                    }
                })
                .executeWith(executor);
    }

    /** Bumped whenever sizes asked for by {@link #sizeText} arrived. */
    public ReadOnlyIntegerProperty sizesVersionProperty() {
        return sizesVersion.getReadOnlyProperty();
    }

    public void pause() {
        if (control != null && state.get() == ScanState.RUNNING) {
            control.pause();
            state.set(ScanState.PAUSED);
            flushStaged.run();
        }
    }

    public void resume() {
        if (control != null && state.get() == ScanState.PAUSED) {
            control.resume();
            state.set(ScanState.RUNNING);
        }
    }

    /** Stops the scan after the page in hand; the keys listed so far stay. */
    public void stop() {
        if (control != null && (state.get() == ScanState.RUNNING || state.get() == ScanState.PAUSED)) {
            control.stop();
        }
    }

    private void stopScan() {
        if (control != null) {
            control.stop();
            control = null;
        }
    }

    /** Starts the one-second tick that counts the TTLs down; called while the page is shown. */
    void startTicking() {
        ticker.pollLater();
    }

    void stopTicking() {
        ticker.stop();
    }

    /** Drills into a namespace of the tree: lists the keys under it. */
    public void browse(String namespacePattern) {
        pattern.set(namespacePattern);
        scan();
    }

    /** The view reports the table's selection here. */
    public void select(List<KeyRow> selected) {
        selection.setAll(selected);
    }

    /**
     * Sorts the rows by the table's sort order, through their columns ({@link RowOrder}); sizes
     * asked for after the scan count as known. Refused (false, the table keeps its previous order)
     * while a scan is running or paused: its next rows would be appended below sorted ones, so the
     * order on screen would not be the one the header shows. An empty order leaves the rows as they are.
     */
    public boolean sort(List<RowOrder> order) {
        if (order.isEmpty()) {
            return true;
        }
        if (!sortable.get()) {
            return false;
        }
        rows.sortBy(order, sizes);
        return true;
    }

    /** False while a scan is running or paused; the table's columns sort only when this is true. */
    public ReadOnlyBooleanProperty sortableProperty() {
        return sortable.getReadOnlyProperty();
    }

    public void setTtl() {
        int seconds = ttlSeconds.get();
        act(new Action("TTL", "Set a TTL of " + seconds + " s on", keys -> gateway.setTtl(keys, Duration.ofSeconds(seconds))),
                row -> row.withExpiry(clock.millis() + seconds * 1000L));
    }

    public void persist() {
        act(new Action("Persist", "Removed the TTL of", gateway::persist), row -> row.withExpiry(-1));
    }

    /** UNLINKs the selected keys after a confirmation that names them as people read them. */
    public void evictSelection() {
        List<KeyRow> chosen = List.copyOf(selection);
        if (chosen.isEmpty()) {
            return;
        }
        String what = chosen.size() == 1 ? chosen.get(0).readableKey().describe() : chosen.size() + " keys";
        if (!dialogs.confirm("Evict keys", "UNLINK " + what + " from Redis? The application reloads them on its next "
                + "miss.", "Evict")) {
            return;
        }
        act(new Action("Evict", "Evicted", gateway::evict), null);
    }

    /**
     * An admin action on the selection: its short name (task titles, errors), the past-tense verb its
     * message starts with, and the call.
     */
    private record Action(String name, String done, Function<List<byte[]>, KeyActionResult> call) {
    }

    /**
     * Runs one admin action on the selection; {@code update} gives the row after success, or null
     * when a changed key leaves the table.
     */
    private void act(Action action, UnaryOperator<KeyRow> update) {
        List<KeyRow> chosen = List.copyOf(selection);
        if (chosen.isEmpty()) {
            return;
        }
        List<byte[]> keys = chosen.stream().map(KeyRow::key).toList();
        error.set("");
        BackgroundTask.wrap(() -> action.call().apply(keys))
                .withTitle(action.name() + " " + keysText(chosen.size()))
                .onSuccess(result -> applied(action, chosen, result, update))
                .onFailure(e -> error.set(action.name() + " failed: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    /** "1 key", "37 keys". */
    static String keysText(long count) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "key" : "keys");
    }

    private void applied(Action action, List<KeyRow> chosen, KeyActionResult result, UnaryOperator<KeyRow> update) {
        Set<ByteBuffer> failedKeys = new HashSet<>();
        for (KeyFailure failure : result.failed()) {
            failedKeys.add(ByteBuffer.wrap(failure.key()));
        }
        List<KeyRow> failed = new ArrayList<>();
        Set<ByteBuffer> changedKeys = new HashSet<>();
        for (KeyRow row : chosen) {
            ByteBuffer key = ByteBuffer.wrap(row.key());
            if (failedKeys.contains(key)) {
                failed.add(row);
            } else {
                changedKeys.add(key);
            }
        }
        BitSet changed = rows.indicesOf(changedKeys);
        if (update == null) {
            changed.stream().mapToObj(rows::get).forEach(row -> tree.remove(row.key(), row.bytes()));
            rows.removeRows(changed);
            treeVersion.set(treeVersion.get() + 1);
        } else {
            rows.updateRows(changed, update);
        }
        listed.set(rows.size());
        String text = action.done() + " " + (result.changed() == chosen.size() ? keysText(result.changed())
                : result.changed() + " of " + keysText(chosen.size()));
        if (result.changed() == 1 && chosen.size() == 1) {
            text += ": " + chosen.get(0).readableKey().text();
        }
        if (!failed.isEmpty()) {
            text += "; failed, left selected: " + String.join(", ", result.failed().stream()
                    .map(KeyFailure::describe).limit(5).toList()) + (failed.size() > 5 ? " (+" + (failed.size() - 5)
                    + " more)" : "");
        }
        message.set(text);
        selectionRequest.set(failed);
    }

    /**
     * Lists the keys again after something outside the browser changed them (an eviction by
     * pattern), saying what happened: the new listing brings the namespace tree and counts up to date.
     */
    public void rescan(String what) {
        scan();
        message.set(what);
    }

    /** Where the rows with the keys of {@code chosen} are in {@link #rows()}, in order; found in one pass. */
    public int[] indicesOf(List<KeyRow> chosen) {
        Set<ByteBuffer> wanted = new HashSet<>();
        for (KeyRow row : chosen) {
            wanted.add(ByteBuffer.wrap(row.key()));
        }
        return rows.indicesOf(wanted).stream().toArray();
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public ObjectProperty<String> typeFilterProperty() {
        return typeFilter;
    }

    public IntegerProperty ttlSecondsProperty() {
        return ttlSeconds;
    }

    public ObservableList<KeyRow> rows() {
        return rows;
    }

    /** How many rows this scan listed (the table may still show the previous scan's for a moment). */
    public ReadOnlyIntegerProperty listedProperty() {
        return listed.getReadOnlyProperty();
    }

    public ObservableList<KeyRow> selection() {
        return selection;
    }

    /** Rows the view should select after an action: those that failed. */
    public ReadOnlyObjectProperty<List<KeyRow>> selectionRequestProperty() {
        return selectionRequest.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScanState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty examinedProperty() {
        return examined.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty dbSizeProperty() {
        return dbSize.getReadOnlyProperty();
    }

    /** The clock the TTL column counts down with; ticks once a second while the page is shown. */
    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Bumped whenever {@link #tree()} changed. */
    public ReadOnlyIntegerProperty treeVersionProperty() {
        return treeVersion.getReadOnlyProperty();
    }

    public NamespaceTree tree() {
        return tree;
    }
}
