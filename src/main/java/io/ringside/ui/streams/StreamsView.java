package io.ringside.ui.streams;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.PartitionDetail;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.util.BadgeCell;
import io.ringside.ui.util.ContentColumnWidths;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.ElidedTextCells;
import io.ringside.ui.util.HoverTooltip;
import io.ringside.ui.util.FillColumnResize;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.PreparedTableRows;
import io.ringside.ui.util.ResultItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;

/** Controller of {@code fxml/streams/StreamsView.fxml}: binds to {@link StreamsViewModel}. */
public final class StreamsView {

    public static final String FXML = "/fxml/streams/StreamsView.fxml";

    private final StreamsViewModel viewModel;

    @FXML
    private Label summary;
    @FXML
    private Button produceButton;
    @FXML
    private Button createTopicButton;
    @FXML
    private Button editConfigsButton;
    @FXML
    private Button addPartitionsButton;
    @FXML
    private Button deleteTopicButton;
    @FXML
    private Label adminStatus;
    @FXML
    private Button deleteGroupButton;
    @FXML
    private LineChart<Number, Number> lagChart;
    @FXML
    private Button refreshButton;
    @FXML
    private Label errorText;
    @FXML
    private TableView<TopicInfo> topicTable;
    @FXML
    private TextField topicFilterField;
    @FXML
    private TextField groupFilterField;
    @FXML
    private TableColumn<TopicInfo, String> topicName;
    @FXML
    private TableColumn<TopicInfo, String> topicPartitions;
    @FXML
    private TableColumn<TopicInfo, String> topicReplication;
    @FXML
    private TableColumn<TopicInfo, TopicInfo> topicHealth;
    @FXML
    private TableColumn<TopicInfo, String> topicLeaders;
    @FXML
    private FlowPane brokerList;
    @FXML
    private TableColumn<TopicInfo, String> topicRetention;
    @FXML
    private TableColumn<TopicInfo, String> topicSize;
    @FXML
    private Tab topicsTab;
    @FXML
    private Tab groupsTab;
    @FXML
    private Label topicDetailText;
    @FXML
    private TableView<PartitionDetail> partitionTable;
    @FXML
    private TableColumn<PartitionDetail, String> partitionId;
    @FXML
    private TableColumn<PartitionDetail, String> partitionLeader;
    @FXML
    private TableColumn<PartitionDetail, String> partitionReplicas;
    @FXML
    private TableColumn<PartitionDetail, String> partitionIsr;
    @FXML
    private TableColumn<PartitionDetail, String> partitionStart;
    @FXML
    private TableColumn<PartitionDetail, String> partitionEnd;
    @FXML
    private TableColumn<PartitionDetail, String> partitionMessages;
    @FXML
    private TableColumn<PartitionDetail, String> partitionSize;
    @FXML
    private TextField searchTopic;
    @FXML
    private ChoiceBox<MessageSearchViewModel.Kind> searchKind;
    @FXML
    private TextField searchText;
    @FXML
    private Button searchButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Label searchStatus;
    @FXML
    private TextField pagePartition;
    @FXML
    private Button newestButton;
    @FXML
    private Button olderButton;
    @FXML
    private Button newerButton;
    @FXML
    private TableView<KafkaMessage> resultTable;
    @FXML
    private TableColumn<KafkaMessage, String> resultTime;
    @FXML
    private TableColumn<KafkaMessage, String> resultPosition;
    @FXML
    private TableColumn<KafkaMessage, String> resultKey;
    @FXML
    private TableColumn<KafkaMessage, String> resultValue;
    @FXML
    private TableColumn<KafkaMessage, String> resultHeaders;
    @FXML
    private TextArea resultDetail;
    @FXML
    private TreeView<String> resultJson;
    @FXML
    private Label resultJsonHint;
    @FXML
    private TextArea tailDetail;
    @FXML
    private TextField resetTopic;
    @FXML
    private ChoiceBox<OffsetResetViewModel.Target> resetTarget;
    @FXML
    private TextField resetValue;
    @FXML
    private Button resetPreviewButton;
    @FXML
    private Button resetApplyButton;
    @FXML
    private Label resetStatus;
    @FXML
    private ListView<ConsumerGroupLag> groupList;
    @FXML
    private Label membersText;
    @FXML
    private TableView<ConsumerGroupLag.PartitionLag> lagTable;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagTopic;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagPartition;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagCommitted;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagEnd;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagRecords;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagTime;
    @FXML
    private TableColumn<ConsumerGroupLag.PartitionLag, String> lagMember;
    @FXML
    private ToggleButton pauseButton;
    @FXML
    private TextField filterField;
    @FXML
    private Label tailStatus;
    @FXML
    private TableView<TailRecord> tailTable;
    @FXML
    private TableColumn<TailRecord, String> tailTime;
    @FXML
    private TableColumn<TailRecord, String> tailTopic;
    @FXML
    private TableColumn<TailRecord, String> tailPosition;
    @FXML
    private TableColumn<TailRecord, String> tailValue;

    public StreamsView(StreamsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(StreamsViewModel viewModel) {
        return Fxml.load(FXML, new ControllerFactory().register(StreamsView.class, () -> new StreamsView(viewModel)));
    }

    @FXML
    private void initialize() {
        SortedList<TopicInfo> sortedTopics = new SortedList<>(viewModel.shownTopics());
        sortedTopics.comparatorProperty().bind(topicTable.comparatorProperty());
        // The rows are made while the page is laid out, not when 2,000 topics arrive, and stay
        // until the topics are read: then they only take their items.
        PreparedTableRows.showOnceRead(topicTable, sortedTopics,
                viewModel.topicsShownProperty().or(viewModel.loadErrorProperty().isNotEmpty()));
        topicFilterField.textProperty().bindBidirectional(viewModel.topicFilterProperty());
        groupFilterField.textProperty().bindBidirectional(viewModel.groupFilterProperty());
        text(topicName, TopicInfo::name);
        topicName.setCellFactory(ElidedTextCells.withWholeTextTooltip());
        text(topicPartitions, t -> String.valueOf(t.partitions()));
        text(topicReplication, t -> String.valueOf(t.replicationFactor()));
        text(topicRetention, t -> t.retentionMs() < 0 ? "unlimited" : duration(t.retentionMs()));
        text(topicSize, t -> ByteSizes.format(t.sizeBytes()));
        topicHealth.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        HoverTooltip healthInWords = new HoverTooltip();
        topicHealth.setCellFactory(column -> new BadgeCell<>(StreamsViewModel::replicationHealth,
                StreamsViewModel::replicationTone, healthInWords, StreamsViewModel::replicationDetail));
        text(topicLeaders, t -> ids(t.distinctLeaders()));
        // the counts, badges and sizes as wide as they are, the name taking the rest (cut, then, with its tooltip)
        ContentColumnWidths.apply(topicTable, topicName).text(topicHealth, StreamsViewModel::replicationHealth);
        viewModel.brokers().addListener((javafx.collections.ListChangeListener<BrokerInfo>) change ->
                brokerList.getChildren().setAll(viewModel.brokers().stream().map(StreamsView::brokerBadge).toList()));
        PreparedTableRows.showOnceRead(groupList, viewModel.shownGroups(),
                viewModel.groupsShownProperty().or(viewModel.loadErrorProperty().isNotEmpty()));
        groupList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConsumerGroupLag group, boolean empty) {
                super.updateItem(group, empty);
                setText(empty || group == null ? null
                        : group.groupId() + "  ·  " + group.state() + "  ·  lag " + group.totalLag());
            }
        });
        groupList.getSelectionModel().selectedItemProperty().addListener((obs, old, group) -> {
            if (group != null && group != viewModel.selectedGroupProperty().get()) {
                viewModel.selectedGroupProperty().set(group);
            }
        });
        viewModel.selectedGroupProperty().addListener((obs, old, group) -> {
            if (group != null && groupList.getSelectionModel().getSelectedItem() != group) {
                groupList.getSelectionModel().select(group);
            }
        });
        membersText.textProperty().bind(Bindings.createStringBinding(() -> viewModel.members()
                .isEmpty() ? "No active members" : viewModel.members().stream()
                .map(m -> m.clientId() + " @ " + m.host() + " (" + m.assignedPartitions() + " partitions)")
                .collect(Collectors.joining("\n")), viewModel.members()));
        PreparedTableRows.show(lagTable, viewModel.partitions());
        text(lagTopic, ConsumerGroupLag.PartitionLag::topic);
        text(lagPartition, p -> String.valueOf(p.partition()));
        text(lagCommitted, p -> String.valueOf(p.committedOffset()));
        text(lagEnd, p -> String.valueOf(p.endOffset()));
        text(lagRecords, p -> String.valueOf(p.lag()));
        text(lagTime, p -> p.timeLagMs() < 0 ? "—" : "~" + duration(p.timeLagMs()));
        text(lagMember, ConsumerGroupLag.PartitionLag::memberId);
        FillColumnResize.apply(lagTable, lagMember);
        pauseButton.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pauseButton.textProperty().bind(Bindings.when(pauseButton.selectedProperty())
                .then("Resume").otherwise("Pause"));
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        tailStatus.textProperty().bind(viewModel.tailStatusProperty());
        tailTable.setItems(viewModel.tail());
        text(tailTime, r -> Instant.ofEpochMilli(r.timestamp()).toString());
        text(tailTopic, TailRecord::topic);
        text(tailPosition, r -> r.partition() + "/" + r.offset());
        text(tailValue, TailRecord::value);
        // as on the Messages tab: a millisecond time, the topic and the position whole, the value
        // taking the rest (cut, with its tooltip); a fixed 170 px cut "2026-12-07T02:37:07.1…"
        tailValue.setCellFactory(ElidedTextCells.withWholeTextTooltip());
        ContentColumnWidths.apply(tailTable, tailValue);
        tailTable.getSelectionModel().selectedItemProperty().addListener((obs, old, record) ->
                viewModel.selectedTailProperty().set(record));
        tailDetail.textProperty().bind(viewModel.tailDetailProperty());
        topicTable.getSelectionModel().selectedItemProperty().addListener((obs, old, topic) ->
                viewModel.selectedTopicProperty().set(topic == null ? null : topic.name()));
        // the view model keeps the selected name across a refresh of the rows: the row follows it
        viewModel.selectedTopicProperty().addListener((obs, old, name) -> {
            TopicInfo shown = topicTable.getSelectionModel().getSelectedItem();
            if (name != null && (shown == null || !shown.name().equals(name))) {
                topicTable.getItems().stream().filter(topic -> topic.name().equals(name)).findFirst()
                        .ifPresent(topic -> topicTable.getSelectionModel().select(topic));
            }
        });
        topicDetailText.textProperty().bind(viewModel.topicDetailStatusProperty());
        viewModel.topicDetailProperty().addListener((obs, old, detail) ->
                partitionTable.getItems().setAll(detail == null ? List.of() : detail.partitions()));
        text(partitionId, p -> String.valueOf(p.partition()));
        text(partitionLeader, p -> p.leader() < 0 ? "none (offline)" : String.valueOf(p.leader()));
        text(partitionReplicas, p -> ids(p.replicas()));
        text(partitionIsr, p -> ids(p.isr()) + (p.underReplicated() ? " (under-replicated)" : ""));
        FillColumnResize.apply(partitionTable, partitionIsr);
        text(partitionStart, p -> String.valueOf(p.startOffset()));
        text(partitionEnd, p -> String.valueOf(p.endOffset()));
        text(partitionMessages, p -> String.format(Locale.ROOT, "%,d", p.messages()));
        text(partitionSize, p -> p.sizeBytes() < 0 ? "not reported" : ByteSizes.format(p.sizeBytes()));
        bindSearch(viewModel.messages());
        MessagesTabPreload.start();
        bindReset(viewModel.reset());
        bindAdmin(viewModel.produce(), viewModel.admin());
        // One series whose points are replaced: a new series each time made its line, legend entry
        // and symbols again and resolved their CSS.
        XYChart.Series<Number, Number> lag = new XYChart.Series<>();
        lagChart.getData().setAll(List.of(lag));
        viewModel.lagHistory().addListener((javafx.collections.ListChangeListener<StreamsViewModel.LagSample>) change ->
                lag.getData().setAll(lagPoints(viewModel.lagHistory())));
        refreshButton.setOnAction(event -> viewModel.refreshNow());
        errorText.textProperty().bind(viewModel.errorProperty());
        errorText.visibleProperty().bind(errorText.textProperty().isNotEmpty());
        errorText.managedProperty().bind(errorText.visibleProperty());
        // each count once its list was read: "0 topics" while the first read runs looked like an empty cluster
        topicsTab.textProperty().bind(Bindings.when(viewModel.topicsShownProperty())
                .then(Bindings.size(viewModel.topics()).asString("Topics (%d)")).otherwise("Topics"));
        groupsTab.textProperty().bind(Bindings.when(viewModel.groupsShownProperty())
                .then(Bindings.size(viewModel.groups()).asString("Consumer groups (%d)")).otherwise("Consumer groups"));
        topicsTab.selectedProperty().addListener((obs, was, now) -> showShownTab());
        groupsTab.selectedProperty().addListener((obs, was, now) -> showShownTab());
        showShownTab();
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            boolean topicsRead = viewModel.topicsShownProperty().get();
            boolean groupsRead = viewModel.groupsShownProperty().get();
            if (!topicsRead && !groupsRead) {
                return viewModel.loadErrorProperty().get().isEmpty() ? "Reading topics and consumer groups…" : "";
            }
            int topics = viewModel.topics().size();
            int groups = viewModel.groups().size();
            String topicsText = topicsRead ? topics + (topics == 1 ? " topic" : " topics") : "reading topics…";
            String groupsText = groupsRead ? groups + (groups == 1 ? " consumer group" : " consumer groups")
                    : "reading consumer groups…";
            return topicsText + " · " + groupsText;
        }, viewModel.topics(), viewModel.groups(), viewModel.topicsShownProperty(), viewModel.groupsShownProperty(),
                viewModel.loadErrorProperty()));
    }

    private void showShownTab() {
        viewModel.shownProperty().set(groupsTab.isSelected() ? StreamsViewModel.Shown.GROUPS
                : topicsTab.isSelected() ? StreamsViewModel.Shown.TOPICS : StreamsViewModel.Shown.OTHER);
    }

    private void bindSearch(MessageSearchViewModel search) {
        searchTopic.textProperty().bindBidirectional(search.topicProperty());
        searchKind.getItems().setAll(MessageSearchViewModel.kinds());
        searchKind.valueProperty().bindBidirectional(search.kindProperty());
        searchText.textProperty().bindBidirectional(search.textProperty());
        searchButton.setOnAction(event -> search.search());
        searchButton.disableProperty().bind(search.runningProperty());
        cancelButton.setOnAction(event -> search.cancel());
        cancelButton.disableProperty().bind(search.runningProperty().not());
        searchStatus.textProperty().bind(search.statusProperty());
        pagePartition.textProperty().bindBidirectional(search.partitionProperty());
        newestButton.setOnAction(event -> search.browseNewest());
        olderButton.setOnAction(event -> search.browseOlder());
        newerButton.setOnAction(event -> search.browseNewer());
        for (Button page : List.of(newestButton, olderButton, newerButton)) {
            page.disableProperty().bind(search.runningProperty());
        }
        ResultItems.follow(resultTable, search.results());
        text(resultTime, m -> m.timestamp().toString());
        text(resultPosition, m -> m.partition() + "/" + m.offset());
        text(resultKey, m -> m.key() == null ? "" : m.keyText());
        text(resultValue, search::summaryOf);
        text(resultHeaders, m -> m.headers().stream().map(h -> h.key() + "=" + h.valueText())
                .collect(Collectors.joining(", ")));
        // times, positions, keys and headers whole (keys and headers up to their columns' maximum,
        // then cut with a tooltip); the value's summary takes the rest
        resultKey.setCellFactory(ElidedTextCells.withWholeTextTooltip());
        resultValue.setCellFactory(ElidedTextCells.withWholeTextTooltip());
        resultHeaders.setCellFactory(ElidedTextCells.withWholeTextTooltip());
        ContentColumnWidths.apply(resultTable, resultValue);
        resultTable.getSelectionModel().selectedItemProperty().addListener((obs, old, message) ->
                search.selectedProperty().set(message));
        resultDetail.textProperty().bind(search.detailProperty());
        search.jsonProperty().addListener((obs, old, json) -> resultJson.setRoot(JsonTree.of(json)));
        // the tree's pane says what it is for, and why it stays empty for a value that is not JSON
        resultJsonHint.visibleProperty().bind(resultJson.rootProperty().isNull());
        resultJsonHint.textProperty().bind(Bindings.when(search.selectedProperty().isNull())
                .then("Select a message to see its value as a tree").otherwise("The value is not JSON"));
    }

    private void bindAdmin(ProduceViewModel produce, KafkaAdminViewModel admin) {
        produceButton.disableProperty().bind(produce.readOnlyProperty());
        produceButton.setOnAction(event -> StreamsDialogs.produce(window(), produce));
        createTopicButton.disableProperty().bind(admin.readOnlyProperty());
        createTopicButton.setOnAction(event -> StreamsDialogs.createTopic(window(), admin));
        var noTopic = topicTable.getSelectionModel().selectedItemProperty().isNull();
        editConfigsButton.disableProperty().bind(noTopic);
        editConfigsButton.setOnAction(event -> StreamsDialogs.editConfigs(window(), admin));
        addPartitionsButton.disableProperty().bind(noTopic.or(admin.readOnlyProperty()));
        addPartitionsButton.setOnAction(event -> StreamsDialogs.addPartitions(window(), admin));
        deleteTopicButton.disableProperty().bind(noTopic.or(admin.readOnlyProperty()));
        deleteTopicButton.setOnAction(event -> StreamsDialogs.deleteTopic(window(), admin));
        deleteGroupButton.disableProperty().bind(admin.groupProperty().isEmpty().or(admin.readOnlyProperty()));
        deleteGroupButton.setOnAction(event -> StreamsDialogs.deleteGroup(window(), admin));
        adminStatus.textProperty().bind(Bindings.when(admin.readOnlyProperty())
                .then("Read-only profile: produce and topic changes are refused").otherwise(admin.statusProperty()));
    }

    private javafx.stage.Window window() {
        return topicTable.getScene() == null ? null : topicTable.getScene().getWindow();
    }

    /** x: seconds before the newest sample (negative), y: total lag. */
    static List<XYChart.Data<Number, Number>> lagPoints(List<StreamsViewModel.LagSample> samples) {
        if (samples.isEmpty()) {
            return List.of();
        }
        Instant newest = samples.get(samples.size() - 1).at();
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(samples.size());
        for (StreamsViewModel.LagSample s : samples) {
            points.add(new XYChart.Data<>(-Duration.between(s.at(), newest).toSeconds(), s.lag()));
        }
        return points;
    }

    private void bindReset(OffsetResetViewModel reset) {
        resetTopic.textProperty().bindBidirectional(reset.topicProperty());
        resetTarget.getItems().setAll(OffsetResetViewModel.targets());
        resetTarget.valueProperty().bindBidirectional(reset.targetProperty());
        resetValue.textProperty().bindBidirectional(reset.valueProperty());
        resetPreviewButton.setOnAction(event -> reset.preview());
        resetApplyButton.setOnAction(event -> reset.apply());
        resetStatus.textProperty().bind(reset.statusProperty());
    }

    private static Label brokerBadge(BrokerInfo broker) {
        Label badge = new Label("broker " + StreamsViewModel.describe(broker));
        badge.getStyleClass().addAll(Styles.BADGE, Styles.of(broker.up() ? Tone.OK : Tone.BAD));
        if (!broker.address().isEmpty()) {
            badge.setTooltip(new javafx.scene.control.Tooltip(broker.address()));
        }
        return badge;
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null
                : value.apply(cell.getValue())));
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toDays() >= 1) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
