package io.ringside.ui.cql;

import io.ringside.core.cassandra.Cell;
import io.ringside.core.cql.ConfirmationRequiredException;
import io.ringside.core.cql.CqlCompletion.CompletionResult;
import io.ringside.core.cql.CqlExecution;
import io.ringside.core.cql.CqlHistory;
import io.ringside.core.cql.CqlRequest;
import io.ringside.core.cql.CqlResult;
import io.ringside.core.cql.CqlSnippets;
import io.ringside.core.cql.CqlSplitter;
import io.ringside.core.cql.CqlStatement;
import io.ringside.core.cql.CqlWorkbench;
import io.ringside.core.cql.HistoryEntry;
import io.ringside.core.cql.TraceEvent;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.core.jobs.ExportTableOptions;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CQL page's state. Statements run one after the other on a background thread through the
 * active profile's workbench (asked on every run, so a profile switch takes effect at once); each
 * statement's outcome reaches the FX thread once, each page of rows in one update. A script stops
 * at the first statement that fails, naming its line. A destructive statement is sent back to the
 * operator for its object's name, then run from there.
 */
public final class CqlViewModel implements PageLoad {

    private static final int HISTORY_SHOWN = 200;

    private final Supplier<CqlWorkbench> workbench;
    private final CqlHistory history;
    private final CqlSnippets snippets;
    private final Supplier<String> profile;
    private final TaskExecutor executor;
    private final ExportJobs exports;
    private final ReadOnlyStringWrapper exportQuery = new ReadOnlyStringWrapper("");
    private final PageLoadState load = new PageLoadState();
    /** The history and the snippets, loaded when the page is first shown: {@link #load} succeeded once both came. */
    private int firstLoadsLeft = 2;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final StringProperty consistency = new SimpleStringProperty(CqlRequest.DEFAULT_CONSISTENCY);
    private final BooleanProperty tracing = new SimpleBooleanProperty();
    private final StringProperty historySearch = new SimpleStringProperty("");
    private final ObjectProperty<ConfirmationPrompt> prompt = new SimpleObjectProperty<>((title, message) -> null);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<List<Cell>> rows = FXCollections.observableArrayList();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ObservableList<TraceEvent> trace = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> historyEntries = FXCollections.observableArrayList();
    private final ObservableList<String> snippetNames = FXCollections.observableArrayList();
    private volatile CqlExecution current;
    private volatile boolean cancelled;
    private CqlRequest shownRequest;
    private ByteBuffer next;

    public CqlViewModel(Supplier<CqlWorkbench> workbench, Path dataFolder, Supplier<String> profile,
                        TaskExecutor executor) {
        this(workbench, dataFolder, profile, executor, ExportJobs.NONE);
    }

    public CqlViewModel(Supplier<CqlWorkbench> workbench, Path dataFolder, Supplier<String> profile,
                        TaskExecutor executor, ExportJobs exports) {
        this.exports = exports;
        this.workbench = workbench;
        this.history = new CqlHistory(dataFolder);
        this.snippets = new CqlSnippets(dataFolder);
        this.profile = profile;
        this.executor = executor;
        historySearch.addListener((obs, old, text) -> refreshHistory());
    }

    @Override
    public void activate() {
        refreshHistory();
        refreshSnippets();
    }

    /** One of the first loads came: the page is loaded once the history and the snippets are shown. */
    private void firstLoadDone() {
        if (firstLoadsLeft > 0 && --firstLoadsLeft == 0) {
            load.succeeded();
        }
    }

    private void loadFailed(Throwable e) {
        status.set(Errors.firstLine(e));
        if (!load.isLoaded()) {
            load.failed(Errors.firstLine(e));
        }
    }

    /** Runs every statement of {@code script} in order (the whole buffer, or a selection). */
    public void runScript(String script) {
        List<CqlStatement> statements;
        try {
            statements = CqlSplitter.split(script);
        } catch (RuntimeException e) {
            status.set(Errors.firstLine(e));
            return;
        }
        if (statements.isEmpty()) {
            status.set("Nothing to run");
            return;
        }
        start(statements, 0, null);
    }

    /** Runs the statement the caret is in. */
    public void runAt(String script, int caret) {
        CqlSplitter.statementAt(script, caret).ifPresentOrElse(s -> start(List.of(s), 0, null),
                () -> status.set("No statement at the cursor"));
    }

    private void start(List<CqlStatement> statements, int from, String confirmation) {
        if (running.get()) {
            return;
        }
        running.set(true);
        cancelled = false;
        if (from == 0) {
            messages.clear();
        }
        status.set("Running " + (statements.size() - from) + (statements.size() - from == 1 ? " statement" : " statements"));
        String level = consistency.get();
        boolean traced = tracing.get();
        executor.execute(BackgroundTask.wrap(() -> {
            CqlWorkbench bench = workbench.get();
            for (int i = from; i < statements.size() && !cancelled; i++) {
                CqlStatement statement = statements.get(i);
                CqlRequest request = new CqlRequest(statement, level, traced, CqlRequest.DEFAULT_PAGE_SIZE,
                        i == from ? confirmation : null, null);
                long started = System.nanoTime();
                try {
                    current = bench.start(request);
                    CqlResult result = current.await();
                    history.add(bench, profile.get(), statement, "ok", result.rows().size(), started);
                    executor.runOnUi(Duration.ZERO, () -> shown(request, result));
                } catch (ConfirmationRequiredException e) {
                    history.add(bench, profile.get(), statement, "refused: not confirmed", 0, started);
                    int at = i;
                    executor.runOnUi(Duration.ZERO, () -> confirm(statements, at, e));
                    return null;
                } catch (CancellationException e) {
                    history.add(bench, profile.get(), statement, "cancelled", 0, started);
                    executor.runOnUi(Duration.ZERO, () -> ended("line " + statement.line() + ": cancelled"));
                    return null;
                } catch (RuntimeException e) {
                    history.add(bench, profile.get(), statement, "failed: " + Errors.firstLine(e), 0, started);
                    int left = statements.size() - i - 1;
                    String line = "line " + statement.line() + ": " + Errors.firstLine(e)
                            + (left > 0 ? " (stopped; " + left + " later statement(s) not run)" : "");
                    executor.runOnUi(Duration.ZERO, () -> ended(line));
                    return null;
                }
            }
            executor.runOnUi(Duration.ZERO, () -> ended(cancelled ? "Cancelled" : "Done"));
            return null;
        }).onFailure(e -> ended(Errors.firstLine(e))));
    }

    private void confirm(List<CqlStatement> statements, int at, ConfirmationRequiredException refused) {
        running.set(false);
        String typed = prompt.get().ask("Confirm " + refused.classification().verb(), refused.getMessage());
        if (typed == null || typed.isBlank()) {
            ended("line " + statements.get(at).line() + ": not run, not confirmed");
            return;
        }
        start(statements, at, typed);
    }

    private void ended(String message) {
        messages.add(message);
        status.set(message);
        running.set(false);
        current = null;
        refreshHistory();
    }

    /** One statement's result: its line in the messages, and its rows when it has any. */
    private void shown(CqlRequest request, CqlResult result) {
        String line = "line " + request.statement().line() + ": " + result.classification().verb() + " — "
                + result.summary();
        messages.add(line);
        result.warnings().forEach(w -> messages.add("  warning: " + w));
        status.set(line);
        if (!result.columns().isEmpty()) {
            shownRequest = request;
            exportQuery.set(result.classification().kind().read()
                    && "SELECT".equalsIgnoreCase(request.statement().verb()) ? request.statement().text() : "");
            next = result.next();
            hasMore.set(result.hasMore());
            if (!columns.equals(result.columns())) {
                columns.setAll(result.columns()); // new columns make every cell anew: only when they differ
            }
            rows.setAll(result.rows());
        }
        if (request.trace()) {
            trace.setAll(result.trace());
        }
    }

    /** Fetches the following page of the rows shown and appends it. */
    public void fetchNextPage() {
        if (running.get() || shownRequest == null || next == null) {
            return;
        }
        CqlRequest request = shownRequest.nextPage(next);
        running.set(true);
        executor.execute(BackgroundTask.wrap(() -> {
            current = workbench.get().start(request);
            return current.await();
        }).onSuccess(page -> {
            running.set(false);
            next = page.next();
            hasMore.set(page.hasMore());
            rows.addAll(page.rows());
            status.set(rows.size() + " rows shown" + (page.hasMore() ? " (more)" : "") + "; last page "
                    + page.elapsed().toMillis() + " ms");
        }).onFailure(e -> ended(Errors.firstLine(e))));
    }

    /**
     * Exports every row of the statement whose rows are shown (not only the pages fetched) to
     * {@code target}, as an {@code export-table} job; a name ending in {@code .gz} is compressed
     * whatever {@code gzip} says, as on the CLI.
     */
    public void export(Path target, ExportFormat format, boolean gzip) {
        String query = exportQuery.get();
        if (query.isEmpty()) {
            status.set("Run a SELECT first: Export… writes the rows of the statement shown");
            return;
        }
        ExportTableOptions options;
        try {
            Path absolute = DatasetStore.exportTarget(target.toAbsolutePath().normalize());
            options = new ExportTableOptions(null, query, absolute.toString(), format,
                    gzip || absolute.getFileName().toString().endsWith(".gz"));
        } catch (RuntimeException e) {
            status.set("Not exported: " + Errors.firstLine(e));
            return;
        }
        status.set("Submitting the export to " + options.target() + "…");
        exports.submit(options, failure -> status.set(failure == null
                ? "Export job submitted: " + options.target() + " (progress on the Jobs page)"
                : "Not exported: " + Errors.firstLine(failure)));
    }

    /** The {@code SELECT} whose rows are shown, or empty when none is: what Export… writes. */
    public ReadOnlyStringProperty exportQueryProperty() {
        return exportQuery.getReadOnlyProperty();
    }

    /** Cancels the statement on its way; the rest of a script is not run. Never blocks. */
    public void cancel() {
        cancelled = true;
        CqlExecution running = current;
        if (running != null) {
            running.cancel();
        }
    }

    /** Completion at the caret, computed off the FX thread; {@code show} gets it on the FX thread. */
    public void complete(String script, int caret, Consumer<CompletionResult> show) {
        executor.execute(BackgroundTask.wrap(() -> workbench.get().completion().complete(script, caret))
                .onSuccess(show)
                .onFailure(e -> status.set("Completion: " + Errors.firstLine(e))));
    }

    public void saveSnippet(String name, String text) {
        executor.execute(BackgroundTask.wrap(() -> {
            snippets.save(name, text);
            return snippets.all();
        }).onSuccess(all -> snippetNames.setAll(all.keySet())).onFailure(e -> status.set(Errors.firstLine(e))));
    }

    public void deleteSnippet(String name) {
        executor.execute(BackgroundTask.wrap(() -> {
            snippets.delete(name);
            return snippets.all();
        }).onSuccess(all -> snippetNames.setAll(all.keySet())).onFailure(e -> status.set(Errors.firstLine(e))));
    }

    /** The text of a saved snippet, read off the FX thread. */
    public void snippet(String name, Consumer<String> use) {
        executor.execute(BackgroundTask.wrap(() -> snippets.all().get(name)).onSuccess(text -> {
            if (text != null) {
                use.accept(text);
            }
        }));
    }

    private void refreshSnippets() {
        executor.execute(BackgroundTask.wrap(snippets::all).onSuccess(all -> {
            snippetNames.setAll(all.keySet());
            firstLoadDone();
        }).onFailure(this::loadFailed));
    }

    private void refreshHistory() {
        String text = historySearch.get();
        executor.execute(BackgroundTask.wrap(() -> history.search(text, HISTORY_SHOWN))
                .onSuccess(found -> {
                    historyEntries.setAll(found);
                    firstLoadDone();
                }).onFailure(this::loadFailed));
    }

    public List<String> consistencyLevels() {
        return CqlWorkbench.CONSISTENCY_LEVELS;
    }

    public Map<String, String> snippetsNow() {
        return snippets.all();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringProperty consistencyProperty() {
        return consistency;
    }

    public BooleanProperty tracingProperty() {
        return tracing;
    }

    public StringProperty historySearchProperty() {
        return historySearch;
    }

    public ObjectProperty<ConfirmationPrompt> promptProperty() {
        return prompt;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<List<Cell>> rows() {
        return rows;
    }

    public ObservableList<String> messages() {
        return messages;
    }

    public ObservableList<TraceEvent> trace() {
        return trace;
    }

    public ObservableList<HistoryEntry> history() {
        return historyEntries;
    }

    public ObservableList<String> snippetNames() {
        return snippetNames;
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
