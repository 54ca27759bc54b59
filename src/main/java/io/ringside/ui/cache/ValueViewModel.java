package io.ringside.ui.cache;

import io.ringside.ui.util.Errors;
import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.redis.ReadableKey;
import io.ringside.core.redis.ValueReader;
import io.ringside.core.redis.ValueView;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The value viewer of the selected key, titled with its readable name ({@link ReadableKey}, the
 * escaped key beside it): a string decoded (a cached PM2.5 year as its days, a dataset chunk
 * inflated with its manifest entry, JSON, gzip, text or hex), or a collection one page at a time.
 * Of a string above {@link ValueReader#SIZE_GUARD} only the beginning is shown until asked, and
 * any value can be saved to a file instead.
 */
public final class ValueViewModel {

    static final int PAGE_SIZE = 200;

    private final CacheGateway gateway;
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rawKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper readableTitle = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper series = new ReadOnlyBooleanWrapper();
    private final ObservableList<DailyPm25> days = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper guarded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper collection = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper();
    private final ObservableList<ValueView.Entry> entries = FXCollections.observableArrayList();
    private KeyRow shown;
    private String nextPage;
    private long request;

    public ValueViewModel(CacheGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
    }

    /** Shows the value of {@code row}, or clears the viewer for null. */
    public void show(KeyRow row) {
        shown = row;
        entries.clear();
        days.clear();
        series.set(false);
        text.set("");
        details.set("");
        error.set("");
        guarded.set(false);
        collection.set(false);
        hasNextPage.set(false);
        nextPage = null;
        ReadableKey name = row == null ? null : ReadableKey.of(row.key());
        title.set(name == null ? "" : name.text());
        rawKey.set(name == null ? "" : name.raw());
        readableTitle.set(name != null && name.readable());
        if (row != null) {
            load(null, false);
        }
    }

    /** Loads a string above the size guard after all. */
    public void loadAnyway() {
        if (shown != null) {
            load(null, true);
        }
    }

    public void nextPage() {
        if (shown != null && nextPage != null) {
            load(nextPage, false);
        }
    }

    private void load(String page, boolean force) {
        long id = ++request;
        byte[] key = shown.key();
        BackgroundTask.wrap(() -> gateway.read(key, page, PAGE_SIZE, force))
                .onSuccess(view -> {
                    if (id == request) {
                        present(view, page == null);
                    }
                })
                .onFailure(e -> {
                    if (id == request) {
                        error.set(Errors.firstLine(e));
                    }
                })
                .executeWith(executor);
    }

    private void present(ValueView view, boolean firstPage) {
        guarded.set(view.guarded());
        ValueView.StringValue string = view.string();
        if ("string".equals(view.type())) {
            collection.set(false);
            boolean isSeries = string != null && string.encoding() == ValueView.Encoding.PM25_SERIES;
            days.setAll(isSeries ? string.days() : List.of());
            series.set(isSeries);
            if (view.guarded()) {
                details.set(String.format(Locale.ROOT, "string, %s: above the %s guard, %s", ByteSizes.format(view.size()),
                        ByteSizes.format(ValueReader.SIZE_GUARD), string == null ? "not loaded"
                                : "beginning shown (Load anyway for all of it)\n" + describe(string)));
                text.set(string == null ? "" : string.text());
            } else {
                details.set(describe(string));
                text.set(string.text());
            }
            return;
        }
        collection.set(true);
        if (firstPage) {
            entries.setAll(view.entries());
        } else {
            entries.addAll(view.entries());
        }
        nextPage = view.nextPage();
        hasNextPage.set(nextPage != null);
        details.set(String.format(Locale.ROOT, "%s, %d elements, %d shown%s", view.type(), view.size(), entries.size(),
                nextPage == null ? "" : " (more: next page)"));
    }

    private static String describe(ValueView.StringValue string) {
        StringBuilder out = new StringBuilder();
        switch (string.encoding()) {
            case PM25_SERIES -> {
                List<DailyPm25> d = string.days();
                out.append(String.format(Locale.ROOT, "PM2.5 daily series, %d %s", d.size(), d.size() == 1 ? "day" : "days"));
                if (!d.isEmpty()) {
                    out.append(" (").append(d.get(0).date()).append(" to ").append(d.get(d.size() - 1).date()).append(')');
                }
                out.append(", ").append(ByteSizes.format(string.storedBytes()));
            }
            case NO_ROWS -> out.append("negative entry (no rows), ").append(ByteSizes.format(string.storedBytes()));
            default -> out.append(string.encoding().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(ByteSizes.format(string.storedBytes()));
        }
        if (string.encoding() == ValueView.Encoding.GZIP) {
            out.append(" gzip, ").append(string.inflatedBytes() >= 0 ? ByteSizes.format(string.inflatedBytes()) + " inflated"
                    : "inflated size known once loaded whole");
        }
        if (string.truncated()) {
            out.append(", beginning shown");
        }
        if (string.note() != null && !string.note().isEmpty()) {
            out.append("\n").append(string.note());
        }
        return out.toString();
    }

    /** Writes the whole value to {@code file} in the background (a string byte for byte, else TSV). */
    public void save(Path file) {
        if (shown == null) {
            return;
        }
        byte[] key = shown.key();
        BackgroundTask.wrap(() -> gateway.save(key, file))
                .withTitle("Saving " + title.get())
                .onSuccess(bytes -> details.set("Saved " + ByteSizes.format(bytes) + " to " + file.getFileName()))
                .onFailure(e -> error.set("Save failed: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The shown key escaped like {@code redis-cli} prints it: what "Copy key" copies. */
    public ReadOnlyStringProperty rawKeyProperty() {
        return rawKey.getReadOnlyProperty();
    }

    /** True when the title is a readable name that differs from {@link #rawKeyProperty()}. */
    public ReadOnlyBooleanProperty readableTitleProperty() {
        return readableTitle.getReadOnlyProperty();
    }

    /** True when the value is a cached PM2.5 series, shown as {@link #days()}. */
    public ReadOnlyBooleanProperty seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ObservableList<DailyPm25> days() {
        return days;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty guardedProperty() {
        return guarded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty collectionProperty() {
        return collection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return hasNextPage.getReadOnlyProperty();
    }

    public ObservableList<ValueView.Entry> entries() {
        return entries;
    }
}
