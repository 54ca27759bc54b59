package io.ringside.ui.profiles;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
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
import javafx.scene.control.ChoiceDialog;
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

    private static final String RENAME = "renamed: imported under a fresh id and name";
    private static final String REPLACE = "replacing the one here (never the built-in local profile)";
    private static final String SKIP = "skipped: the one here stays";

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

    @FXML private TextField redisSentinels;
    @FXML private TextField redisSentinelMaster;
    @FXML private CheckBox redisSentinelAuth;
    @FXML private PasswordField redisSentinelPassword;

    @FXML private CheckBox sshEnabled;
    @FXML private TextField ssh1Host;
    @FXML private TextField ssh1Port;
    @FXML private TextField ssh1User;
    @FXML private ComboBox<ConnectionProfile.SshAuth> ssh1Auth;
    @FXML private TextField ssh1KeyFile;
    @FXML private Button ssh1KeyChoose;
    @FXML private PasswordField ssh1Secret;
    @FXML private Label ssh1SecretLabel;
    @FXML private CheckBox ssh2Enabled;
    @FXML private TextField ssh2Host;
    @FXML private TextField ssh2Port;
    @FXML private TextField ssh2User;
    @FXML private ComboBox<ConnectionProfile.SshAuth> ssh2Auth;
    @FXML private TextField ssh2KeyFile;
    @FXML private Button ssh2KeyChoose;
    @FXML private PasswordField ssh2Secret;
    @FXML private Label ssh2SecretLabel;

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

        bind(redisSentinels, form.redisSentinels);
        bind(redisSentinelMaster, form.redisSentinelMaster);
        bind(redisSentinelAuth, form.redisSentinelAuth);
        bind(redisSentinelPassword, form.redisSentinelPassword);
        redisSentinelPassword.disableProperty().bind(viewModel.editableProperty().and(form.redisSentinelAuth).not());
        bind(sshEnabled, form.sshHop1.enabled);
        bind(ssh2Enabled, form.sshHop2.enabled);
        bindHop(form.sshHop1, ssh1Host, ssh1Port, ssh1User, ssh1Auth, ssh1KeyFile, ssh1KeyChoose, ssh1Secret, ssh1SecretLabel, 1,
                viewModel.editableProperty().and(form.sshHop1.enabled));
        bindHop(form.sshHop2, ssh2Host, ssh2Port, ssh2User, ssh2Auth, ssh2KeyFile, ssh2KeyChoose, ssh2Secret, ssh2SecretLabel, 2,
                viewModel.editableProperty().and(form.sshHop1.enabled).and(form.sshHop2.enabled));
        ssh2Enabled.disableProperty().bind(viewModel.editableProperty().and(form.sshHop1.enabled).not());

        bindTest(cassandraTestResult, viewModel.testProperty(Backend.CASSANDRA));
        bindTest(redisTestResult, viewModel.testProperty(Backend.REDIS));
        bindTest(kafkaTestResult, viewModel.testProperty(Backend.KAFKA));

        for (Node field : List.of(profileName, profileColor, profileReadOnly, cassandraContactPoints, cassandraLocalDc,
                cassandraKeyspace, cassandraUsername, cassandraPassword, cassandraTlsEnabled, cassandraTlsTrust,
                cassandraTlsCert, cassandraTlsCertPassword, redisHost, redisPort, redisClusterSeeds, redisUsername,
                redisPassword, redisDatabase, redisTlsEnabled, redisTlsTrust, redisTlsCert, redisTlsCertPassword,
                kafkaBootstrap, kafkaSasl, kafkaUsername, kafkaPassword, kafkaTlsEnabled, kafkaTlsTrust, kafkaTlsCert,
                kafkaTlsCertPassword, redisSentinels, redisSentinelMaster, redisSentinelAuth, sshEnabled)) {
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

    /** A hop's fields, usable only while {@code usable} holds; the key fields only for key logins. */
    private static void bindHop(ProfileForm.SshHopFields hop, TextField host, TextField port, TextField user,
                                ComboBox<ConnectionProfile.SshAuth> auth, TextField keyFile, Button keyChoose,
                                PasswordField secret, Label secretLabel, int number,
                                javafx.beans.binding.BooleanBinding usable) {
        bind(host, hop.host);
        bind(port, hop.port);
        bind(user, hop.user);
        auth.getItems().setAll(ConnectionProfile.SshAuth.values());
        auth.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConnectionProfile.SshAuth value) {
                return value == null ? "" : switch (value) {
                    case KEY -> "Private key";
                    case PASSWORD -> "Password";
                    case AGENT -> "SSH agent";
                };
            }

            @Override
            public ConnectionProfile.SshAuth fromString(String text) {
                return auth.getItems().stream().filter(a -> toString(a).equals(text)).findFirst().orElse(null);
            }
        });
        auth.valueProperty().bindBidirectional(hop.auth);
        bind(keyFile, hop.keyFile);
        bind(secret, hop.secret);
        javafx.beans.binding.BooleanBinding keyLogin = usable.and(hop.auth.isEqualTo(ConnectionProfile.SshAuth.KEY));
        for (Node field : List.of(host, port, user, auth)) {
            field.disableProperty().bind(usable.not());
        }
        keyFile.disableProperty().bind(keyLogin.not());
        keyChoose.disableProperty().bind(keyLogin.not());
        secret.disableProperty().bind(usable.and(hop.auth.isNotEqualTo(ConnectionProfile.SshAuth.AGENT)).not());
        // one field, named for what it holds with the login chosen
        secretLabel.textProperty().bind(javafx.beans.binding.Bindings.when(hop.auth.isEqualTo(ConnectionProfile.SshAuth.KEY))
                .then("Hop " + number + " key passphrase").otherwise("Hop " + number + " password"));
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
        if (file == null) {
            return;
        }
        ChoiceDialog<String> rule = new ChoiceDialog<>(RENAME, RENAME, REPLACE, SKIP);
        rule.initOwner(window());
        rule.setTitle("Import connection profiles");
        rule.setHeaderText("When a profile of " + file.getName() + " has the id or name of one here");
        rule.setContentText("It is");
        rule.showAndWait().ifPresent(choice -> viewModel.importFrom(file.toPath(),
                choice.equals(REPLACE) ? ProfileStore.OnConflict.REPLACE
                        : choice.equals(SKIP) ? ProfileStore.OnConflict.SKIP : ProfileStore.OnConflict.RENAME));
    }

    @FXML
    private void onChooseSsh1Key() {
        chooseKey(viewModel.form().sshHop1);
    }

    @FXML
    private void onChooseSsh2Key() {
        chooseKey(viewModel.form().sshHop2);
    }

    private void chooseKey(ProfileForm.SshHopFields hop) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("SSH private key (OpenSSH or PEM)");
        File ssh = new File(System.getProperty("user.home"), ".ssh");
        if (ssh.isDirectory()) {
            chooser.setInitialDirectory(ssh);
        }
        File key = chooser.showOpenDialog(window());
        if (key != null) {
            hop.keyFile.set(key.getAbsolutePath());
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
