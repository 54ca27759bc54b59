package io.ringside.ui.profiles;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.ui.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Controller of {@code fxml/profiles/ProfilesView.fxml}: binds the form, forwards clicks, picks files. */
public final class ProfilesView {

    private final ProfilesViewModel viewModel;

    @FXML private Node profilesView;
    @FXML private ListView<ConnectionProfile> profileList;
    @FXML private Button cloneButton;
    @FXML private Button deleteButton;
    @FXML private Button saveButton;
    @FXML private Label localNote;
    @FXML private Label secretsNote;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;

    @FXML private TextField profileName;
    @FXML private TextField profileColor;
    @FXML private CheckBox profileReadOnly;

    @FXML private TextField cassandraContactPoints;
    @FXML private TextField cassandraLocalDc;
    @FXML private TextField cassandraKeyspace;
    @FXML private TextField cassandraUsername;
    @FXML private PasswordField cassandraPassword;
    @FXML private CheckBox cassandraTlsEnabled;
    @FXML private TextField cassandraTlsTrust;
    @FXML private TextField cassandraTlsCert;
    @FXML private PasswordField cassandraTlsCertPassword;
    @FXML private Label cassandraTestResult;

    @FXML private TextField redisHost;
    @FXML private TextField redisPort;
    @FXML private TextField redisClusterSeeds;
    @FXML private TextField redisUsername;
    @FXML private PasswordField redisPassword;
    @FXML private TextField redisDatabase;
    @FXML private CheckBox redisTlsEnabled;
    @FXML private TextField redisTlsTrust;
    @FXML private TextField redisTlsCert;
    @FXML private PasswordField redisTlsCertPassword;
    @FXML private Label redisTestResult;

    @FXML private TextField kafkaBootstrap;
    @FXML private ComboBox<String> kafkaSasl;
    @FXML private TextField kafkaUsername;
    @FXML private PasswordField kafkaPassword;
    @FXML private CheckBox kafkaTlsEnabled;
    @FXML private TextField kafkaTlsTrust;
    @FXML private TextField kafkaTlsCert;
    @FXML private PasswordField kafkaTlsCertPassword;
    @FXML private Label kafkaTestResult;

    public ProfilesView(ProfilesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        profileList.setItems(viewModel.profiles());
        profileList.setCellFactory(list -> new ProfileCell());
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != viewModel.selectedProperty().get()) {
                viewModel.select(chosen);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && viewModel.profiles().contains(chosen)) {
                profileList.getSelectionModel().select(chosen);
            } else {
                profileList.getSelectionModel().clearSelection();
            }
        });

        ProfileForm form = viewModel.form();
        bind(profileName, form.name);
        bind(profileColor, form.color);
        bind(profileReadOnly, form.readOnly);
        bind(cassandraContactPoints, form.cassandraContactPoints);
        bind(cassandraLocalDc, form.cassandraLocalDc);
        bind(cassandraKeyspace, form.cassandraKeyspace);
        bind(cassandraUsername, form.cassandraUsername);
        bind(cassandraPassword, form.cassandraPassword);
        bind(cassandraTlsEnabled, cassandraTlsTrust, cassandraTlsCert, cassandraTlsCertPassword, form.cassandraTls);
        bind(redisHost, form.redisHost);
        bind(redisPort, form.redisPort);
        bind(redisClusterSeeds, form.redisClusterSeeds);
        bind(redisUsername, form.redisUsername);
        bind(redisPassword, form.redisPassword);
        bind(redisDatabase, form.redisDatabase);
        bind(redisTlsEnabled, redisTlsTrust, redisTlsCert, redisTlsCertPassword, form.redisTls);
        bind(kafkaBootstrap, form.kafkaBootstrap);
        kafkaSasl.getItems().setAll(List.of("", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"));
        kafkaSasl.valueProperty().bindBidirectional(form.kafkaSaslMechanism);
        bind(kafkaUsername, form.kafkaUsername);
        bind(kafkaPassword, form.kafkaPassword);
        bind(kafkaTlsEnabled, kafkaTlsTrust, kafkaTlsCert, kafkaTlsCertPassword, form.kafkaTls);

        bindTest(cassandraTestResult, viewModel.testProperty(Backend.CASSANDRA));
        bindTest(redisTestResult, viewModel.testProperty(Backend.REDIS));
        bindTest(kafkaTestResult, viewModel.testProperty(Backend.KAFKA));

        for (Node field : List.of(profileName, profileColor, profileReadOnly, cassandraContactPoints, cassandraLocalDc,
                cassandraKeyspace, cassandraUsername, cassandraPassword, cassandraTlsEnabled, cassandraTlsTrust,
                cassandraTlsCert, cassandraTlsCertPassword, redisHost, redisPort, redisClusterSeeds, redisUsername,
                redisPassword, redisDatabase, redisTlsEnabled, redisTlsTrust, redisTlsCert, redisTlsCertPassword,
                kafkaBootstrap, kafkaSasl, kafkaUsername, kafkaPassword, kafkaTlsEnabled, kafkaTlsTrust, kafkaTlsCert,
                kafkaTlsCertPassword)) {
            field.disableProperty().bind(viewModel.editableProperty().not());
        }
        localNote.visibleProperty().bind(viewModel.editableProperty().not());
        localNote.managedProperty().bind(localNote.visibleProperty());
        saveButton.disableProperty().bind(viewModel.editableProperty().not());
        deleteButton.disableProperty().bind(viewModel.editableProperty().not());
        cloneButton.disableProperty().bind(viewModel.selectedProperty().isNull());

        secretsNote.textProperty().bind(viewModel.secretsNoteProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.managedProperty().bind(viewModel.errorProperty().isNotEmpty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.managedProperty().bind(viewModel.messageProperty().isNotEmpty());
    }

    private static void bind(TextInputControl field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    private static void bind(CheckBox box, BooleanProperty property) {
        box.selectedProperty().bindBidirectional(property);
    }

    private static void bind(CheckBox enabled, TextField trust, TextField cert, PasswordField certPassword,
                             ProfileForm.TlsFields fields) {
        bind(enabled, fields.enabled);
        bind(trust, fields.trustFile);
        bind(cert, fields.clientCertFile);
        bind(certPassword, fields.clientCertPassword);
    }

    private static void bindTest(Label label, ReadOnlyObjectProperty<ProfilesViewModel.TestResult> result) {
        result.addListener((obs, old, now) -> {
            label.setText(now.text());
            label.getStyleClass().removeAll(Styles.toneClasses());
            label.getStyleClass().add(Styles.of(now.tone()));
        });
    }

    private Window window() {
        return profilesView.getScene().getWindow();
    }

    @FXML
    private void onNew() {
        viewModel.newProfile();
    }

    @FXML
    private void onClone() {
        viewModel.cloneSelected();
    }

    @FXML
    private void onDelete() {
        viewModel.deleteSelected();
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onUse() {
        if (viewModel.useSelected()) {
            onClose();
        }
    }

    @FXML
    private void onClose() {
        viewModel.form().clearSecrets();
        window().hide();
    }

    @FXML
    private void onImport() {
        File file = chooser("Import connection profiles").showOpenDialog(window());
        if (file != null) {
            viewModel.importFrom(file.toPath());
        }
    }

    @FXML
    private void onExport() {
        FileChooser chooser = chooser("Export connection profiles (without passwords)");
        chooser.setInitialFileName("ringside-profiles.json");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            viewModel.exportTo(file.toPath());
        }
    }

    @FXML
    private void onTestCassandra() {
        viewModel.test(Backend.CASSANDRA);
    }

    @FXML
    private void onTestRedis() {
        viewModel.test(Backend.REDIS);
    }

    @FXML
    private void onTestKafka() {
        viewModel.test(Backend.KAFKA);
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return chooser;
    }

    /** A profile's name with its colour tag and a read-only mark. */
    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        private final Region swatch = new Region();

        ProfileCell() {
            swatch.getStyleClass().add("profile-color");
        }

        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(profile.name() + (profile.readOnly() ? "  (read-only)" : ""));
            swatch.setStyle("-fx-background-color: " + profile.color() + ";");
            setGraphic(swatch);
        }
    }
}
