package io.ringside.ui.streams;

import io.ringside.core.kafka.explorer.DecodedValue;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.MessageDecoder;
import io.ringside.core.kafka.explorer.MessageQuery;
import io.ringside.core.kafka.explorer.Position;
import io.ringside.core.kafka.explorer.MessageFilter;
import io.ringside.core.kafka.explorer.MessageSearch;
import io.ringside.core.kafka.explorer.SearchProgress;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Messages tab: a streaming search over one topic. Matches and counters cross to the FX
 * thread in batches ({@link FxBatcher}); at most {@link SearchQuery#DEFAULT_KEEP} matches are kept
 * and the status says when there were more. Cancel ends the search within one record.
 */
public final class MessageSearchViewModel {

    static final Duration BATCH = Duration.ofMillis(100);
    /** Messages in one browsed page. */
    static final int PAGE = 100;
    private static final String ENTER_TEXT = "Enter what to search for";

    /** What the search text means. */
    public enum Kind {
        VALUE("Value contains"), REGEX("Value matches regex"), KEY("Key contains"), HEADER("Header name[=text]"),
        JSON_PATH("JSON path condition");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StreamsGateway gateway;
    private final TaskExecutor executor;
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.VALUE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a topic and a condition, then Search");
    private final ObservableList<KafkaMessage> results = FXCollections.observableArrayList();
    private final ObjectProperty<KafkaMessage> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
    private final StringProperty partition = new SimpleStringProperty("0");
    /**
     * Each shown message's one-line value, decoded on the thread that read the message: decoded in
     * the cell instead, on every re-fill of a visible row, it was most of the Messages tab's
     * FX-thread time while matches streamed in. Emptied when a search or page starts.
     */
    private final Map<KafkaMessage, String> summaries = new ConcurrentHashMap<>();
    private int pageSize = PAGE;
    private Run current;

    public MessageSearchViewModel(StreamsGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        selected.addListener((obs, old, message) -> {
            detail.set(message == null ? "" : describe(message));
            json.set(message == null ? "" : json(message));
        });
    }

    /**
     * Starts a search (cancelling one still running); a bad condition is reported in the status.
     * The condition is parsed on the search's thread: a first JSON path condition loads and
     * initialises the JSON libraries, hundreds of milliseconds of CPU the FX thread would spend in
     * one pulse.
     */
    public void search() {
        cancel();
        Kind how = kind.get();
        String what = text.get() == null ? "" : text.get();
        if (lacksText(how, what)) {
            status.set(ENTER_TEXT);
            return;
        }
        String name = topic.get() == null ? "" : topic.get().strip();
        if (name.isEmpty()) {
            status.set("Choose a topic to search");
            return;
        }
        results.clear();
        summaries.clear();
        selected.set(null);
        Run search = new Run();
        current = search;
        running.set(true);
        status.set("Searching " + name + (what.isEmpty() ? "" : " for " + how.label.toLowerCase(Locale.ROOT) + " " + what)
                + "...");
        FxBatcher<KafkaMessage> matches = FxBatcher.onUi(executor, BATCH, batch -> {
            if (current == search) {
                results.addAll(batch);
            }
        });
        FxBatcher<SearchProgress> counters = FxBatcher.onUi(executor, BATCH, batch -> {
            if (current == search && running.get()) {
                status.set(counting(batch.get(batch.size() - 1)));
            }
        });
        BackgroundTask.wrap(() -> search.start(gateway.search(SearchQuery.whole(name, filter(how, what)))).run(match -> {
            summaries.put(match, summary(match));
            matches.add(match);
        }, counters::add))
                .onSuccess(result -> {
                    if (current == search) {
                        status.set(result.summary());
                    }
                })
                .onFailure(e -> {
                    if (current == search) {
                        status.set(e instanceof IllegalArgumentException bad ? bad.getMessage()
                                : "Search failed: " + Errors.firstLine(e));
                    }
                })
                .onFinished(() -> {
                    if (current == search) {
                        running.set(false);
                    }
                })
                .executeWith(executor);
    }

    /** The newest page of the partition, newest first. */
    public void browseNewest() {
        browse(Position.end(), true, "newest");
    }

    /** The page just before the oldest message shown. */
    public void browseOlder() {
        if (results.isEmpty()) {
            browseNewest();
            return;
        }
        long oldest = results.stream().mapToLong(KafkaMessage::offset).min().orElseThrow();
        if (oldest == 0) {
            status.set("No older messages");
            return;
        }
        browse(Position.offset(oldest - 1), true, "older");
    }

    /** The page just after the newest message shown. */
    public void browseNewer() {
        if (results.isEmpty()) {
            browseNewest();
            return;
        }
        long newest = results.stream().mapToLong(KafkaMessage::offset).max().orElseThrow();
        browse(Position.offset(newest + 1), false, "newer");
    }

    /**
     * Pages go by offset within one partition (offsets of different partitions do not order a
     * topic), shown newest first whichever way they were read.
     */
    private void browse(Position from, boolean backward, String which) {
        cancel();
        String name = topic.get() == null ? "" : topic.get().strip();
        int p;
        try {
            p = Integer.parseInt(partition.get() == null ? "" : partition.get().strip());
        } catch (NumberFormatException e) {
            status.set("Paging reads one partition: enter its number, not '" + partition.get() + "'");
            return;
        }
        if (name.isEmpty()) {
            status.set("Choose a topic to browse");
            return;
        }
        MessageQuery query = new MessageQuery(name, p, from, backward, pageSize, MessageQuery.DEFAULT_PREVIEW);
        status.set("Reading the " + which + " page of " + name + " partition " + p + "...");
        BackgroundTask.wrap(() -> {
            List<KafkaMessage> read = gateway.browse(query);
            read.forEach(message -> summaries.put(message, summary(message)));
            return read;
        })
                .onSuccess(page -> {
                    if (page.isEmpty()) {
                        status.set("No " + which + " messages in " + name + " partition " + p);
                        return;
                    }
                    List<KafkaMessage> newestFirst = new ArrayList<>(page);
                    newestFirst.sort(Comparator.comparingLong(KafkaMessage::offset).reversed());
                    selected.set(null);
                    results.setAll(newestFirst);
                    status.set(String.format(Locale.ROOT, "%s partition %d · offsets %d to %d (%d messages)", name, p,
                            newestFirst.get(newestFirst.size() - 1).offset(), newestFirst.get(0).offset(),
                            newestFirst.size()));
                })
                .onFailure(e -> status.set("Cannot read " + name + ": " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    /**
     * One search as the page holds it: the core's search is made on the background thread (asking
     * the session for it may open clients), so a cancel can come before it exists.
     */
    private static final class Run {
        private MessageSearch search;
        private boolean cancelled;

        synchronized MessageSearch start(MessageSearch made) {
            search = made;
            if (cancelled) {
                made.cancel();
            }
            return made;
        }

        synchronized void cancel() {
            cancelled = true;
            if (search != null) {
                search.cancel();
            }
        }
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Every kind of search needs its text but a value search, which lists every message when it has none. */
    private static boolean lacksText(Kind kind, String text) {
        return text.isEmpty() && kind != Kind.VALUE;
    }

    static MessageFilter filter(Kind kind, String text) {
        String value = text == null ? "" : text;
        if (lacksText(kind, value)) {
            throw new IllegalArgumentException(ENTER_TEXT);
        }
        return switch (kind) {
            case VALUE -> value.isEmpty() ? MessageFilter.all() : MessageFilter.valueContains(value);
            case REGEX -> MessageFilter.valueMatches(value);
            case KEY -> MessageFilter.keyContains(value);
            case HEADER -> value.contains("=")
                    ? MessageFilter.header(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1))
                    : MessageFilter.header(value, null);
            case JSON_PATH -> MessageFilter.jsonPath(value);
        };
    }

    private static String counting(SearchProgress p) {
        return String.format(Locale.ROOT, "Scanned %,d of %,d · %,d matched · %,.0f msg/s", p.scanned(), p.total(),
                p.matched(), p.ratePerSecond());
    }

    /** The detail pane's text: where the message is, its key and headers, and the decoded value. */
    static String describe(KafkaMessage message) {
        DecodedValue value = MessageDecoder.decode(message.topic(), message.value());
        String headers = message.headers().isEmpty() ? "(none)" : message.headers().stream()
                .map(h -> h.key() + "=" + h.valueText()).collect(Collectors.joining(", "));
        return message.topic() + " · partition " + message.partition() + " · offset " + message.offset() + " · "
                + message.timestamp() + "\nkey: " + (message.key() == null ? "(null)" : message.keyText())
                + "\nheaders: " + headers + "\nvalue (" + value.format().label() + ", " + message.valueSize() + " bytes"
                + (message.valueTruncated() ? ", preview of the first " + message.value().length : "") + "):\n"
                + value.text();
    }

    /**
     * The value as JSON for the folding tree, empty when it is not JSON (or a preview cut short); a
     * job progress, audit or cache stats message too, which the text pane shows in words.
     */
    static String json(KafkaMessage message) {
        return message.valueTruncated() ? "" : MessageDecoder.json(message.value()).orElse("");
    }

    /** The table's one-line value of a message shown: decoded already, unless it is not one of the results. */
    public String summaryOf(KafkaMessage message) {
        String decoded = summaries.get(message);
        return decoded != null ? decoded : summary(message);
    }

    /** The table's one-line value. */
    static String summary(KafkaMessage message) {
        return MessageDecoder.decode(message.topic(), message.value()).summary();
    }

    /** The partition the pages are read from. */
    public StringProperty partitionProperty() {
        return partition;
    }

    void pageSize(int size) {
        this.pageSize = size;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<KafkaMessage> results() {
        return results;
    }

    public ObjectProperty<KafkaMessage> selectedProperty() {
        return selected;
    }

    /** The selected value when it is JSON, for the collapsible tree; empty otherwise. */
    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    static List<Kind> kinds() {
        return List.of(Kind.values());
    }
}
