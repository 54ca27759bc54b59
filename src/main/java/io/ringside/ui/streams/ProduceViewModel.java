package io.ringside.ui.streams;

import io.ringside.core.kafka.explorer.MessageHeader;
import io.ringside.core.kafka.explorer.ProduceRequest;
import io.ringside.core.kafka.explorer.ProducedRecord;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
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

/**
 * The Produce dialog: key, value (text, JSON checked before sending, or a file's bytes), headers
 * one {@code key=value} a line, and an optional partition. The request is built and sent on a
 * background thread (a file is read there too); a read-only profile's refusal is the service's
 * own, shown as it words it.
 */
public final class ProduceViewModel {

    /** How the value field is read. */
    public enum ValueKind {
        TEXT, JSON, FILE;

        @Override
        public String toString() {
            return switch (this) {
                case TEXT -> "Text";
                case JSON -> "JSON";
                case FILE -> "File (path)";
            };
        }
    }

    private final StreamsGateway gateway;
    private final TaskExecutor executor;
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty partition = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final ObjectProperty<ValueKind> valueKind = new SimpleObjectProperty<>(ValueKind.TEXT);
    private final StringProperty headers = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ProducedRecord> produced = new SimpleObjectProperty<>();

    public ProduceViewModel(StreamsGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
    }

    /** Sends the record; the outcome or the refusal shows in {@link #statusProperty()}. */
    public void produce() {
        String t = topic.get() == null ? "" : topic.get().strip();
        if (t.isEmpty()) {
            status.set("Enter a topic");
            return;
        }
        String p = partition.get() == null ? "" : partition.get().strip();
        String k = key.get();
        String v = value.get();
        ValueKind kind = valueKind.get();
        String h = headers.get();
        sending.set(true);
        status.set("Sending to " + t + "...");
        BackgroundTask.wrap(() -> gateway.produce(request(t, p, k, v, kind, h)))
                .onFinished(() -> sending.set(false))
                .onSuccess(r -> {
                    produced.set(r);
                    status.set("Stored in " + r.topic() + " partition " + r.partition() + " at offset " + r.offset()
                            + " (" + r.timestamp() + ")");
                })
                .onFailure(e -> status.set("Not sent: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    static ProduceRequest request(String topic, String partition, String key, String value, ValueKind kind,
                                  String headers) {
        Integer p;
        try {
            p = partition.isEmpty() ? null : Integer.valueOf(partition);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The partition is a whole number or empty, not '" + partition + "'");
        }
        byte[] bytes = switch (kind) {
            case TEXT -> ProduceRequest.text(value);
            case JSON -> ProduceRequest.json(value);
            case FILE -> ProduceRequest.file(Path.of(value == null ? "" : value.strip()));
        };
        List<MessageHeader> list = KeyValueLines.parse(headers, "Header").entrySet().stream()
                .map(e -> MessageHeader.text(e.getKey(), e.getValue())).toList();
        return new ProduceRequest(topic, p, key == null || key.isEmpty() ? null : ProduceRequest.text(key), bytes, list);
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ObjectProperty<ValueKind> valueKindProperty() {
        return valueKind;
    }

    public StringProperty headersProperty() {
        return headers;
    }

    /** Set from the page's background refresh; the Produce button is disabled while true. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<ProducedRecord> producedProperty() {
        return produced;
    }
}
