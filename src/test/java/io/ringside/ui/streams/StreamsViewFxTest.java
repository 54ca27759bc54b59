package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.UiTaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Messages tab on the shared stack's real Kafka, headless: a search shows its matches and Cancel stops it. */
@ExtendWith({SharedStack.class, ApplicationExtension.class})
class StreamsViewFxTest {

    /** Records a backtracking regular expression needs tens of milliseconds each for, so a search lasts seconds. */
    private static final int SLOW = 100;
    private static final int MATCHES = 40;

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private Stage stage;
    private KafkaServices services;
    private StreamsViewModel viewModel;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void show(TestStack stack, FxRobot robot) {
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.state().kafka().bootstrap());
        services = new KafkaServices(kafka, AccessGuard.READ_WRITE, () -> new AuditLog(stack.dataFolder(), kafka, "test"));
        viewModel = new StreamsViewModel(new KafkaStreamsGateway(() -> kafka, () -> services), executor);
        robot.interact(() -> {
            Scene scene = new Scene(StreamsView.load(viewModel), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            viewModel.messages().cancel();
            viewModel.deactivate();
        });
        services.close();
    }

    private static String seed(TestStack stack) throws Exception {
        String topic = createTopic(stack);
        try (KafkaProducer<String, String> producer = producer(stack)) {
            for (int i = 0; i < MATCHES; i++) {
                producer.send(new ProducerRecord<>(topic, "m" + i, "{\"state\":\"failed\",\"i\":" + i + "}"));
            }
            for (int i = 0; i < SLOW; i++) {
                producer.send(new ProducerRecord<>(topic, "s" + i, "a".repeat(20) + "!"));
            }
            producer.flush();
        }
        return topic;
    }

    private static String createTopic(TestStack stack) throws Exception {
        String topic = "streams-ui-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = stack.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static KafkaProducer<String, String> producer(TestStack stack) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props);
    }

    /**
     * The watched topic is the one whose size changes: a refresh replaces its row, and the table
     * used to drop the selection with it, so its partitions vanished within one refresh.
     */
    @Test
    void theSelectedTopicStaysSelectedWhenARefreshChangesItsRow(TestStack stack, FxRobot robot) throws Exception {
        String topic = createTopic(stack);
        Label summary = robot.lookup("#summary").queryAs(Label.class);
        Tab topicsTab = onFx(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().get(0));
        // no count before the first read: "0 topics" looked like an empty cluster
        assertEquals("Reading topics and consumer groups…", onFx(summary::getText));
        assertEquals("Topics", onFx(topicsTab::getText));
        robot.interact(viewModel::activate);
        TableView<TopicInfo> topics = robot.lookup("#topicTable").queryTableView();
        // the table holds prepared empty rows (null items) until the topics are read
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> topics.getItems().stream()
                .anyMatch(row -> row != null && row.name().equals(topic))));
        robot.interact(() -> topics.getSelectionModel().select(topics.getItems().stream()
                .filter(row -> row != null && row.name().equals(topic)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> viewModel.topicDetailProperty().get() != null));
        long sizeBefore = onFx(() -> sizeOf(topic));
        int count = onFx(() -> viewModel.topics().size());
        String counted = count + (count == 1 ? " topic · " : " topics · ");
        assertTrue(onFx(summary::getText).startsWith(counted), onFx(summary::getText));
        assertEquals("Topics (" + count + ")", onFx(topicsTab::getText));

        try (KafkaProducer<String, String> producer = producer(stack)) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v".repeat(100)));
            }
            producer.flush();
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> sizeOf(topic)) != sizeBefore);

        TopicInfo selected = onFx(() -> topics.getSelectionModel().getSelectedItem());
        assertEquals(topic, selected == null ? null : selected.name(), "the row is still selected after the refresh");
        assertEquals(topic, onFx(() -> viewModel.selectedTopicProperty().get()));
        assertTrue(onFx(() -> viewModel.topicDetailProperty().get() != null), "the partitions are still shown");
    }

    private long sizeOf(String topic) {
        return viewModel.topics().stream().filter(row -> row.name().equals(topic)).mapToLong(TopicInfo::sizeBytes)
                .findFirst().orElse(-1);
    }

    @Test
    void searchShowsItsMatchesAndCancelStopsIt(TestStack stack, FxRobot robot) throws Exception {
        String topic = seed(stack);
        robot.interact(() -> {
            viewModel.messages().topicProperty().set(topic);
            viewModel.messages().kindProperty().set(MessageSearchViewModel.Kind.REGEX);
            viewModel.messages().textProperty().set("failed|(.*a){8}$");
        });
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> tab.getText().equals("Messages")).findFirst().orElseThrow()));
        robot.clickOn("#searchButton");
        TableView<KafkaMessage> results = robot.lookup("#resultTable").queryTableView();
        Label status = robot.lookup("#searchStatus").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> results.getItems().size()) == MATCHES);
        assertTrue(onFx(() -> viewModel.messages().runningProperty().get()), "still scanning the slow records");

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !onFx(() -> viewModel.messages().runningProperty().get()));
        String ended = onFx(status::getText);
        assertTrue(ended.startsWith("cancelled after"), ended);
        assertTrue(!ended.contains(" " + (MATCHES + SLOW) + " of "), "stopped before the end: " + ended);
        assertEquals(MATCHES, onFx(() -> results.getItems().size()));

        robot.interact(() -> results.getSelectionModel().select(0));
        TextArea detail = robot.lookup("#resultDetail").query();
        String shown = onFx(detail::getText);
        assertTrue(shown.contains("\"state\" : \"failed\""), shown);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
