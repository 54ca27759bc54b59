package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.text;

import io.ringside.core.redis.KeyAdmin;
import io.ringside.core.redis.ServerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * Controller of {@code fxml/cache/ServerStatsPane.fxml}, the Server tab: memory, eviction policy,
 * rate charts, SLOWLOG, CLIENT LIST and a Redis Cluster's nodes. Binds to {@link ServerViewModel} and {@link EvictionPolicyViewModel}.
 */
public final class ServerStatsPane {

    private static final double MIB = 1024.0 * 1024.0;

    private final ServerViewModel server;
    private final EvictionPolicyViewModel policy;
    private final XYChart.Series<Number, Number> hits = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> misses = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> used = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> max = new XYChart.Series<>();

    @FXML
    private ComboBox<String> policyChooser;
    @FXML
    private Button applyPolicyButton;
    @FXML
    private Label policyMessage;
    @FXML
    private Label memoryText;
    @FXML
    private LineChart<Number, Number> hitMissChart;
    @FXML
    private LineChart<Number, Number> memoryChart;
    @FXML
    private LineChart<Number, Number> appChart;
    @FXML
    private Label appNote;
    @FXML
    private TableView<ServerStats.SlowEntry> slowTable;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowIdColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowAtColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowMicrosColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowClientColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowCommandColumn;
    @FXML
    private TableView<Map<String, String>> clientTable;
    @FXML
    private TableColumn<Map<String, String>, String> clientAddrColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientNameColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientAgeColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientIdleColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientDbColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientCmdColumn;
    @FXML
    private Tab nodesTab;
    @FXML
    private Label nodesText;
    @FXML
    private TableView<ServerViewModel.NodeRow> nodeTable;
    @FXML
    private TableColumn<ServerViewModel.NodeRow, String> nodeAddressColumn;
    @FXML
    private TableColumn<ServerViewModel.NodeRow, String> nodeRoleColumn;
    @FXML
    private TableColumn<ServerViewModel.NodeRow, String> nodeStateColumn;
    @FXML
    private TableColumn<ServerViewModel.NodeRow, String> nodeSlotsColumn;
    @FXML
    private TableColumn<ServerViewModel.NodeRow, String> nodeFollowsColumn;

    public ServerStatsPane(ServerViewModel server, EvictionPolicyViewModel policy) {
        this.server = server;
        this.policy = policy;
    }

    @FXML
    private void applyPolicy() {
        policy.apply();
    }

    @FXML
    private void initialize() {
        memoryText.textProperty().bind(server.memoryTextProperty());
        policyChooser.getItems().setAll(KeyAdmin.POLICIES);
        policyChooser.valueProperty().bindBidirectional(policy.chosenProperty());
        policyChooser.disableProperty().bind(policy.readOnlyProperty().or(policy.applyingProperty()));
        applyPolicyButton.disableProperty().bind(policy.readOnlyProperty().or(policy.applyingProperty())
                .or(policy.chosenProperty().isEqualTo(policy.currentProperty())));
        policyMessage.textProperty().bind(Bindings.when(policy.readOnlyProperty())
                .then("read-only profile: the policy cannot be changed").otherwise(policy.messageProperty()));
        hits.setName("hits/s");
        misses.setName("misses/s");
        used.setName("used");
        max.setName("maxmemory");
        hitMissChart.getData().setAll(List.of(hits, misses));
        memoryChart.getData().setAll(List.of(used, max));
        server.points().addListener((ListChangeListener<ServerViewModel.Point>) change -> redrawCharts());
        server.appPoints().addListener((ListChangeListener<ServerViewModel.AppPoint>) change -> redrawAppChart());
        appNote.textProperty().bind(server.appNoteProperty());
        slowTable.setItems(server.slowlog());
        slowIdColumn.setCellValueFactory(text(entry -> String.valueOf(entry.id())));
        slowAtColumn.setCellValueFactory(text(entry -> entry.at().toString()));
        slowMicrosColumn.setCellValueFactory(text(entry -> String.format(Locale.ROOT, "%,d", entry.micros())));
        slowClientColumn.setCellValueFactory(text(ServerStats.SlowEntry::client));
        slowCommandColumn.setCellValueFactory(text(ServerStats.SlowEntry::command));
        clientTable.setItems(server.clients());
        clientAddrColumn.setCellValueFactory(field("addr"));
        clientNameColumn.setCellValueFactory(field("name"));
        clientAgeColumn.setCellValueFactory(field("age"));
        clientIdleColumn.setCellValueFactory(field("idle"));
        clientDbColumn.setCellValueFactory(field("db"));
        clientCmdColumn.setCellValueFactory(field("cmd"));
        nodeTable.setItems(server.nodes());
        nodesText.textProperty().bind(server.nodesTextProperty());
        nodesTab.disableProperty().bind(Bindings.isEmpty(server.nodes()));
        nodeAddressColumn.setCellValueFactory(text(ServerViewModel.NodeRow::address));
        nodeRoleColumn.setCellValueFactory(text(ServerViewModel.NodeRow::role));
        nodeStateColumn.setCellValueFactory(text(ServerViewModel.NodeRow::state));
        nodeSlotsColumn.setCellValueFactory(text(row -> String.format(Locale.ROOT, "%,d", row.slots())));
        nodeFollowsColumn.setCellValueFactory(text(ServerViewModel.NodeRow::follows));
    }

    private void redrawCharts() {
        List<XYChart.Data<Number, Number>> hitPoints = new ArrayList<>();
        List<XYChart.Data<Number, Number>> missPoints = new ArrayList<>();
        List<XYChart.Data<Number, Number>> usedPoints = new ArrayList<>();
        List<XYChart.Data<Number, Number>> maxPoints = new ArrayList<>();
        for (ServerViewModel.Point p : server.points()) {
            hitPoints.add(new XYChart.Data<>(p.seconds(), p.hitsPerSecond()));
            missPoints.add(new XYChart.Data<>(p.seconds(), p.missesPerSecond()));
            usedPoints.add(new XYChart.Data<>(p.seconds(), p.usedMemory() / MIB));
            if (p.maxMemory() > 0) {
                maxPoints.add(new XYChart.Data<>(p.seconds(), p.maxMemory() / MIB));
            }
        }
        hits.getData().setAll(hitPoints);
        misses.getData().setAll(missPoints);
        used.getData().setAll(usedPoints);
        max.getData().setAll(maxPoints);
    }

    private void redrawAppChart() {
        Map<String, List<XYChart.Data<Number, Number>>> byNamespace = new TreeMap<>();
        for (ServerViewModel.AppPoint p : server.appPoints()) {
            if (!Double.isNaN(p.hitRatioPercent())) {
                byNamespace.computeIfAbsent(p.namespace(), n -> new ArrayList<>())
                        .add(new XYChart.Data<>(p.seconds(), p.hitRatioPercent()));
            }
        }
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        byNamespace.forEach((namespace, data) -> {
            XYChart.Series<Number, Number> one = new XYChart.Series<>();
            one.setName(namespace);
            one.getData().setAll(data);
            series.add(one);
        });
        appChart.getData().setAll(series);
    }

    private static Callback<TableColumn.CellDataFeatures<Map<String, String>, String>,
            ObservableValue<String>> field(String name) {
        return text(fields -> fields.getOrDefault(name, ""));
    }
}
