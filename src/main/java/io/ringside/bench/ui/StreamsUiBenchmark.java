package io.ringside.bench.ui;

import static io.ringside.bench.ui.ClusterUiBenchmark.await;
import static io.ringside.bench.ui.ClusterUiBenchmark.onFx;
import static io.ringside.bench.ui.ClusterUiBenchmark.readAfterNextPulse;

import io.ringside.bench.MessagesBenchmark;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.KafkaCalls;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.ui.streams.KafkaStreamsGateway;
import io.ringside.ui.streams.MessageSearchViewModel;
import io.ringside.ui.streams.StreamsView;
import io.ringside.ui.streams.StreamsViewModel;
import io.ringside.ui.util.UiTaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The FX thread's work on the Streams page's Messages tab: the real page, view-models, executor
 * and gateway over a topic seeded with progress-like JSON, a JSON-path search whose matches
 * stream in (7 in 100 match), a search that matches every message (the first matches kept, the
 * counters running to the end), then page after page browsed back from the newest. The topic is
 * deleted afterwards. Drives the FX thread only through {@code Platform.runLater}.
 */
public final class StreamsUiBenchmark {

    public record Figures(long messages, FxPulses opened, double searchSeconds, int searchMatches, FxPulses search, FxPulses searchAll,
                          int pages, FxPulses browse) {
    }

    private static final int PAGES = 30;
    /** Pulses after the Messages tab is selected before the search starts: its first layout and a quiet one. */
    private static final int OPENING_PULSES = 5;

    private final Map<String, Object> kafka;
    private final Consumer<String> progress;

    public StreamsUiBenchmark(Map<String, Object> kafkaProperties, Consumer<String> progress) {
        this.kafka = kafkaProperties;
        this.progress = progress;
    }

    public Figures run(long messages) throws Exception {
        String topic = "ringside.bench.messages-ui-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = KafkaCalls.admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                MessagesBenchmark.seed(kafka, topic, messages);
                progress.accept(String.format("seeded %,d messages into %s", messages, topic));
                return measure(topic, messages);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Figures measure(String topic, long messages) {
        ClusterUiBenchmark.startToolkit();
        UiTaskExecutor executor = new UiTaskExecutor();
        try (KafkaServices services = new KafkaServices(kafka, AccessGuard.of("bench", true), () -> null)) {
            StreamsViewModel viewModel = new StreamsViewModel(new KafkaStreamsGateway(() -> kafka, () -> services),
                    executor);
            MessageSearchViewModel search = viewModel.messages();
            FxPauseMonitor monitor = new FxPauseMonitor();
            Stage stage = onFx(() -> {
                Stage window = ClusterUiBenchmark.show(StreamsView.load(viewModel), "Ringside bench messages-ui");
                TabPane tabs = (TabPane) window.getScene().lookup(".tab-pane");
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "Messages".equals(t.getText()))
                        .findFirst().orElseThrow());
                search.topicProperty().set(topic);
                search.partitionProperty().set("0");
                monitor.start();
                return window;
            });
            try {
                // the tab's first layout (its table's skin made, CSS applied) is opening the page,
                // not the search: measured apart, as the other UI benchmarks measure a page's opening
                await("the Messages tab laid out", () -> onFx(() -> monitor.pulses() >= OPENING_PULSES));
                FxPulses opened = readAfterNextPulse(monitor);
                long started = System.nanoTime();
                @SuppressWarnings("unchecked")
                TableView<KafkaMessage> grid = onFx(() -> (TableView<KafkaMessage>) stage.getScene().lookup("#resultTable"));
                searchFor(search, grid, MessageSearchViewModel.Kind.JSON_PATH, MessagesBenchmark.CONDITION);
                double seconds = (System.nanoTime() - started) / 1e9;
                int matches = onFx(() -> search.results().size());
                FxPulses matching = readAfterNextPulse(monitor);
                progress.accept(String.format("search: %d matches shown after %.1f s", matches, seconds));
                searchFor(search, grid, MessageSearchViewModel.Kind.VALUE, "");
                FxPulses all = readAfterNextPulse(monitor);
                onFx(() -> {
                    search.browseNewest();
                    return null;
                });
                await("the newest page", () -> onFx(() -> !search.results().isEmpty()
                        && search.results().get(0).offset() == messages - 1));
                for (int page = 1; page < PAGES; page++) {
                    long oldest = onFx(() -> search.results().get(search.results().size() - 1).offset());
                    onFx(() -> {
                        search.browseOlder();
                        return null;
                    });
                    await("page " + (page + 1), () -> onFx(() -> {
                        List<KafkaMessage> shown = search.results();
                        return !shown.isEmpty() && shown.get(0).offset() == oldest - 1 && grid.getItems().size() == shown.size();
                    }));
                }
                FxPulses browse = readAfterNextPulse(monitor);
                return new Figures(messages, opened, seconds, matches, matching, all, PAGES, browse);
            } finally {
                onFx(() -> {
                    monitor.stop();
                    stage.close();
                    return null;
                });
            }
        } finally {
            executor.shutdown();
        }
    }

    private static void searchFor(MessageSearchViewModel search, TableView<KafkaMessage> grid,
                                  MessageSearchViewModel.Kind kind, String text) {
        onFx(() -> {
            search.kindProperty().set(kind);
            search.textProperty().set(text);
            search.search();
            return null;
        });
        await("the search to end", () -> onFx(() -> !search.runningProperty().get()));
        // an empty grid shows its first screenful over a few pulses (StagedRows): they are the search's
        await("the matches in the grid", () -> onFx(() -> grid.getItems().size() == search.results().size()));
    }
}
