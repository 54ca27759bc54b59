package io.ringside.ui.app;

import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.settings.WindowPlacement;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.ringside.core.BuildInfo;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.profile.ActiveConnection;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SecretStore;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.ui.cache.CacheView;
import io.ringside.ui.cache.CacheViewModel;
import io.ringside.ui.cache.RedisCacheGateway;
import io.ringside.ui.cluster.CassandraClusterGateway;
import io.ringside.ui.cluster.ClusterView;
import io.ringside.ui.about.AboutView;
import io.ringside.ui.about.AboutViewModel;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.connect.ConnectionStatusViewModel;
import io.ringside.ui.jobs.JobsView;
import io.ringside.ui.jobs.JobsViewModel;
import io.ringside.ui.jobs.KafkaJobsGateway;
import io.ringside.ui.profiles.ProfilesView;
import io.ringside.ui.profiles.ProfilesViewModel;
import io.ringside.ui.profiles.StoreProfileGateway;
import io.ringside.ui.shell.Page;
import io.ringside.ui.shell.PageRegistry;
import io.ringside.ui.cql.CqlView;
import io.ringside.ui.cql.CqlViewModel;
import io.ringside.ui.shell.ShellView;
import io.ringside.ui.shell.ShellViewModel;
import io.ringside.ui.stack.StackGateway;
import io.ringside.ui.stack.StackMode;
import io.ringside.ui.stack.StackView;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.stack.StartProgressView;
import io.ringside.ui.stack.StartProgressViewModel;
import io.ringside.ui.streams.KafkaStreamsGateway;
import io.ringside.ui.streams.StreamsView;
import io.ringside.ui.streams.StreamsViewModel;
import io.ringside.ui.trends.CacheTrendsGateway;
import io.ringside.ui.trends.TrendsView;
import io.ringside.ui.trends.TrendsViewModel;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.RunningTasks;
import io.ringside.ui.util.TaskExecutor;
import io.ringside.ui.util.UiTaskExecutor;
import io.ringside.ui.welcome.WelcomeView;
import io.ringside.ui.welcome.WelcomeViewModel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * Wires the console's view-models to their services and shows the window. Separate from
 * {@link ConsoleApp} so that tests build the same window around fake services.
 *
 * <p>Pages are registered in {@link #pages()}; a feature page replaces its placeholder with one
 * {@code PageRegistry.add(page, ControllerClass, supplier)} line there.
 */
public final class MainWindow {

    static final String TITLE = "Ringside";
    static final double WIDTH = 1100;
    static final double HEIGHT = 700;
    /** The smallest window every page lays out in without cutting a control (PageLayoutFxTest). */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final ConsoleSettings settings;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ProfileStore profiles;
    private final ActiveConnection connection;
    private final StackViewModel stackViewModel;
    private final ConnectionStatusViewModel connectionStatus;
    private final ClusterViewModel clusterViewModel;
    private final JobsViewModel jobsViewModel;
    private final CacheViewModel cacheViewModel;
    private final TrendsViewModel trendsViewModel;
    private final StreamsViewModel streamsViewModel;
    private final CqlViewModel cqlViewModel;
    private final PageRegistry pages;
    private final ShellViewModel shellViewModel;
    private final ProfilesViewModel profilesViewModel;
    private final StartProgressViewModel startProgress;
    private final WelcomeViewModel welcomeViewModel;
    private final AboutViewModel aboutViewModel;
    private final ConsolePreferences preferences;
    private final boolean firstRun;
    private LocalWorker localWorker;
    private Stage stage;
    private Stage profilesStage;
    private Stage startProgressStage;
    private Stage aboutStage;
    private double width = WIDTH;
    private double height = HEIGHT;
    /** Set by {@link #size}: a fixed size (snapshots), not the remembered placement or one suiting the screen. */
    private boolean fixedSize;
    /**
     * The interactive console opens where it was closed (or at a size suiting the screen) and
     * remembers its window; snapshots and tests open at {@value #WIDTH} x {@value #HEIGHT} and leave the
     * preferences alone.
     */
    private boolean remember;
    private WindowMemory memory;
    /** The window as the user closed it, written by {@link #close}. */
    private volatile WindowPlacement closedAt;

    public MainWindow(ConsoleSettings settings, StackGateway gateway, TaskExecutor executor, DialogService dialogs) {
        this(settings, gateway, executor, dialogs, executor instanceof UiTaskExecutor ui ? ui.runningTasks()
                : new RunningTasks(executor::runOnUi), new SessionSecretStore(SecretPrompt.NONE));
    }

    public MainWindow(ConsoleSettings settings, StackGateway gateway, TaskExecutor executor, DialogService dialogs,
                      RunningTasks tasks, SecretStore secrets) {
        this.settings = settings;
        this.executor = executor;
        this.dialogs = dialogs;
        this.profiles = new ProfileStore(settings.dataFolder());
        this.preferences = new ConsolePreferences(settings.dataFolder());
        this.firstRun = profiles.firstRun() && !Files.exists(preferences.file());
        ConnectionProfile profile = profiles.find(settings.profile()).orElseGet(ConnectionProfile::local);
        this.connection = new ActiveConnection(settings.dataFolder(), secrets, profile, CHECK_TIMEOUT);
        this.stackViewModel = new StackViewModel(gateway, executor, dialogs, Clock.systemDefaultZone(),
                settings.autoStart() && profile.isLocal());
        this.startProgress = new StartProgressViewModel(stackViewModel);
        this.connectionStatus = new ConnectionStatusViewModel(connection::check, executor);
        this.clusterViewModel = new ClusterViewModel(new CassandraClusterGateway(new CassandraServices(connection::cql)),
                executor);
        this.jobsViewModel = new JobsViewModel(KafkaJobsGateway.of(connection, settings.dataFolder()), executor, dialogs);
        this.cacheViewModel = new CacheViewModel(new RedisCacheGateway(() -> connection.services().redis(),
                () -> connection.services().data().coherenceCheck()), executor,
                dialogs, Clock.systemUTC());
        this.trendsViewModel = new TrendsViewModel(new CacheTrendsGateway(() -> connection.services().data()), executor);
        if (settings.trendPreset() != null) {
            trendsViewModel.preset(settings.trendPreset().locations(), settings.trendPreset().from(),
                    settings.trendPreset().to());
        }
        this.cqlViewModel = new CqlViewModel(() -> connection.services().cql(), settings.dataFolder(),
                () -> connection.profile().name(), executor, (options, done) -> jobsViewModel.submit(
                        jobsViewModel.gateway().request(List.of(options.describeSource()), options), done));
        this.streamsViewModel = new StreamsViewModel(new KafkaStreamsGateway(connection::kafkaProperties,
                () -> connection.services().kafka()), executor, dialogs);
        this.welcomeViewModel = new WelcomeViewModel(settings.dataFolder(), stackViewModel, jobsViewModel.gateway(),
                executor, WelcomeViewModel.FASHION_MNIST, () -> showPage("jobs"));
        this.aboutViewModel = new AboutViewModel(settings.dataFolder());
        this.pages = pages();
        this.shellViewModel = new ShellViewModel(settings, BuildInfo.version(), stackViewModel, pages,
                preferences, connectionStatus, tasks, executor, profile,
                connection::switchTo);
        welcomeViewModel.useProfile(profile);
        stackViewModel.modeProperty().addListener((obs, old, mode) -> connectionStatus.stackStarting(
                mode == StackMode.STARTING && shellViewModel.activeProfileProperty().get().isLocal()));
        shellViewModel.activeProfileProperty().addListener((obs, old, active) -> welcomeViewModel.useProfile(active));
        this.profilesViewModel = new ProfilesViewModel(new StoreProfileGateway(profiles, secrets, connection,
                CHECK_TIMEOUT), executor, dialogs, shellViewModel::switchProfile);
    }

    /** The rail, in order; Ctrl+1.. follow it. */
    private PageRegistry pages() {
        return new PageRegistry()
                .add(Page.of(ShellViewModel.STACK_PAGE, "Local stack", "/fxml/stack/StackView.fxml", stackViewModel,
                        "The local stack's servers: start, stop, per-server progress"), StackView.class,
                        () -> new StackView(stackViewModel))
                .add(Page.of("cluster", "Cluster", "/fxml/cluster/ClusterView.fxml", clusterViewModel,
                        "Cassandra: keyspaces, tables and columns, DDL, paged rows, node health and load."),
                        factory -> ClusterView.register(factory, clusterViewModel))
                .add(Page.of("cache", "Cache", CacheView.FXML, cacheViewModel,
                        "Redis: key browser with TTLs and sizes, value viewer, evict, warm, memory and hit/miss."),
                        factory -> CacheView.register(factory, cacheViewModel))
                .add(Page.of("jobs", "Jobs", JobsView.FXML, jobsViewModel,
                        "Dataset and PM2.5 loads: start, live progress bars fed by Kafka, cancel, history."),
                        JobsView.class, () -> new JobsView(jobsViewModel))
                .add(Page.of("trends", "Trends", TrendsView.FXML, trendsViewModel,
                        "PM2.5 charts per location through the cache: average with min/max band, AQI bands."),
                        TrendsView.class, () -> new TrendsView(trendsViewModel, executor))
                .add(Page.of("streams", "Streams", StreamsView.FXML, streamsViewModel,
                        "Kafka: topics, partitions, consumer groups and lag, live tail of the ringside topics."),
                        StreamsView.class, () -> new StreamsView(streamsViewModel))
                .add(Page.of("cql", "CQL", CqlView.FXML, cqlViewModel,
                        "CQL workbench: run statements and scripts, paged results, tracing, history and snippets."),
                        CqlView.class, () -> new CqlView(cqlViewModel))
                .add(Page.of(WelcomeViewModel.PAGE, "Welcome", WelcomeView.FXML, welcomeViewModel,
                        "What Ringside does, where its data goes; connect to a cluster or load sample data."),
                        WelcomeView.class, () -> new WelcomeView(welcomeViewModel, this::openConnections,
                                () -> showPage(ShellViewModel.STACK_PAGE)));
    }

    private void showPage(String id) {
        shellViewModel.select(id);
    }

    private boolean localStackUp() {
        return stackViewModel.modeProperty().get().serversUp();
    }

    /** Builds every controller the console's FXML files name. */
    public ControllerFactory controllers() {
        ControllerFactory factory = new ControllerFactory();
        factory.register(ShellView.class, () -> new ShellView(shellViewModel, factory, this::openConnections,
                this::openAbout));
        factory.register(ProfilesView.class, () -> new ProfilesView(profilesViewModel));
        factory.register(StartProgressView.class, () -> new StartProgressView(startProgress));
        factory.register(AboutView.class, () -> new AboutView(aboutViewModel, () -> showPage(WelcomeViewModel.PAGE),
                () -> aboutStage.hide()));
        return pages.registerControllers(factory);
    }

    public ShellViewModel shell() {
        return shellViewModel;
    }

    public ActiveConnection connection() {
        return connection;
    }

    /**
     * Shows the window on {@code stage} and begins looking for the stack. Closing the window runs
     * {@code exit} once the stack this console supervises (if any) has stopped.
     */
    public void show(Stage stage, Runnable exit) {
        this.stage = stage;
        Parent root = Fxml.load("/fxml/shell/ShellView.fxml", controllers());
        boolean placed = remember && !fixedSize;
        memory = new WindowMemory(placed ? preferences.load().window() : null);
        Scene scene = new Scene(root, width, height);
        applyTheme(scene, shellViewModel.themeProperty().get());
        shellViewModel.themeProperty().addListener((obs, old, theme) -> applyTheme(scene, theme));
        root.applyCss(); // creates the skins: the page area sits inside the notification pane's
        if (root.lookup("#pageArea") instanceof Pane pageArea) {
            pageArea.getChildren().addListener((ListChangeListener<Node>) change -> {
                Page page = shellViewModel.currentPageProperty().get();
                while (change.next()) {
                    change.getAddedSubList().forEach(node -> {
                        if (page != null && node.getProperties().putIfAbsent(WindowMemory.class, page.id()) == null) {
                            memory.pageBuilt(page.id(), node);
                        }
                    });
                }
            });
        }
        stage.setTitle(TITLE);
        stage.setScene(scene);
        if (placed) {
            memory.place(stage, MIN_WIDTH, MIN_HEIGHT);
        } else {
            stage.setMinWidth(Math.min(MIN_WIDTH, width));
            stage.setMinHeight(Math.min(MIN_HEIGHT, height));
        }
        stage.setOnCloseRequest(event -> {
            event.consume();
            if (remember) {
                closedAt = memory.current(stage);
            }
            shellViewModel.requestClose(exit);
        });
        String first = settings.initialView() != null ? settings.initialView()
                : firstRun ? WelcomeViewModel.PAGE
                : connection.profile().isLocal() ? ShellViewModel.STACK_PAGE : "cluster";
        if (!shellViewModel.select(first)) {
            shellViewModel.select(ShellViewModel.STACK_PAGE);
        }
        if (connection.profile().isLocal()) {
            stackViewModel.lookForStack();
        }
        connectionStatus.start();
        stage.show();
        startProgress.showingProperty().addListener((obs, was, showing) -> showStartProgress(showing));
        showStartProgress(startProgress.showingProperty().get());
    }

    /**
     * Records the opened profile as the last used one, which the console opens on next time without
     * {@code --profile}; this also ends the first run. The window's placement is saved when it
     * closes. The interactive console only: a snapshot changes nothing an operator would notice.
     */
    public void rememberProfile() {
        remember = true;
        shellViewModel.rememberProfile();
    }

    /**
     * A fixed size for the window (snapshots), instead of the remembered placement or a size that
     * suits the screen; call before {@link #show}.
     */
    public MainWindow size(double newWidth, double newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        this.fixedSize = true;
        return this;
    }

    /** True when this data folder had neither profiles nor console settings: the console opens on the welcome page. */
    public boolean firstRun() {
        return firstRun;
    }

    private void showStartProgress(boolean showing) {
        if (!showing) {
            if (startProgressStage != null) {
                startProgressStage.hide();
            }
            return;
        }
        if (startProgressStage == null) {
            startProgressStage = dialogStage("Starting the local stack", StartProgressView.FXML);
            startProgressStage.setOnCloseRequest(event -> startProgress.close());
        }
        startProgressStage.show();
    }

    /** The About dialog (F1, or About in the rail): versions, build commit, servers, data folder. */
    public void openAbout() {
        if (aboutStage == null) {
            aboutStage = dialogStage("About Ringside", AboutView.FXML);
        }
        aboutStage.show();
        aboutStage.toFront();
    }

    /** A window owned by the console's, with its stylesheets (following theme changes). */
    private Stage dialogStage(String title, String fxml) {
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialog.setTitle(title);
        Scene scene = new Scene(Fxml.load(fxml, controllers()));
        scene.getStylesheets().setAll(stage.getScene().getStylesheets());
        shellViewModel.themeProperty().addListener((obs, old, theme) ->
                scene.getStylesheets().setAll(stage.getScene().getStylesheets()));
        dialog.setScene(scene);
        return dialog;
    }

    static void applyTheme(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(Styles.stylesheet(Styles.STYLESHEET));
        if (theme == Theme.DARK) {
            scene.getStylesheets().add(Styles.stylesheet(Styles.DARK_STYLESHEET));
        }
    }

    /** Shows the connection profiles dialog (one per window), selecting the active profile. */
    public void openConnections() {
        if (profilesStage == null) {
            profilesStage = dialogStage("Connections", "/fxml/profiles/ProfilesView.fxml");
        }
        profilesViewModel.open(shellViewModel.activeProfileProperty().get().id());
        profilesStage.show();
        profilesStage.toFront();
    }

    public ProfilesViewModel profiles() {
        return profilesViewModel;
    }

    /**
     * Hosts a job worker in this process while the local stack is up and no other worker is alive
     * (the console proper; snapshot mode and UI tests do without).
     */
    public void hostJobWorker() {
        localWorker = new LocalWorker(connection, settings.dataFolder(), executor);
        Runnable update = () -> localWorker.stackUp(shellViewModel.activeProfileProperty().get().isLocal()
                && localStackUp());
        stackViewModel.modeProperty().addListener((obs, old, mode) -> update.run());
        shellViewModel.activeProfileProperty().addListener((obs, old, profile) -> update.run());
        update.run();
    }

    /** Saves the window's placement and closes the active profile's clients; blocks briefly, call when the window is gone. */
    public void close() {
        if (closedAt != null) {
            WindowMemory.save(preferences, closedAt);
        }
        if (localWorker != null) {
            localWorker.stop();
        }
        connection.close();
    }
}
