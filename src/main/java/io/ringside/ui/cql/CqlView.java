package io.ringside.ui.cql;

import io.ringside.core.cassandra.Cell;
import io.ringside.core.cql.Completion;
import io.ringside.core.cql.CqlCompletion.CompletionResult;
import io.ringside.core.cql.HistoryEntry;
import io.ringside.core.cql.TraceEvent;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.CutValueTooltip;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.ResultItems;
import io.ringside.ui.util.SelectedTabContent;
import io.ringside.ui.util.ValueCell;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The CQL page: a RichTextFX editor coloured by the core's lexer, Ctrl+Enter runs the selection
 * or the statement at the caret, Ctrl+Shift+Enter the whole script, Ctrl+Space completes, Escape
 * cancels; rows in a virtualized grid, a page at a time; messages, trace timeline, history and
 * snippets. Everything that reaches a server goes through {@link CqlViewModel} off the FX thread.
 * Export… hands the shown {@code SELECT} to an export job (file, CSV or JSON lines, gzip chosen in
 * the file chooser by its type); the job runs on a worker and shows on the Jobs page.
 */
public final class CqlView {

    public static final String FXML = "/fxml/cql/CqlView.fxml";
    static final String STYLESHEET = "/styles/cql.css";
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RUN_ALL = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);

    private final CqlViewModel viewModel;
    private final CodeArea editor = new CodeArea();
    private final ContextMenu completions = new ContextMenu();

    @FXML
    private BorderPane cqlView;
    @FXML
    private Label statusLabel;
    @FXML
    private Button runButton;
    @FXML
    private Button runScriptButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button nextPageButton;
    @FXML
    private Button exportButton;
    @FXML
    private ChoiceBox<String> consistencyChoice;
    @FXML
    private CheckBox traceCheck;
    @FXML
    private StackPane editorHolder;
    @FXML
    private TabPane resultTabs;
    @FXML
    private TableView<List<Cell>> rowTable;
    @FXML
    private ListView<String> messageList;
    @FXML
    private TableView<TraceEvent> traceTable;
    @FXML
    private TableColumn<TraceEvent, String> traceSourceColumn;
    @FXML
    private TableColumn<TraceEvent, Number> traceElapsedColumn;
    @FXML
    private TableColumn<TraceEvent, String> traceActivityColumn;
    @FXML
    private TextField historySearch;
    @FXML
    private ListView<HistoryEntry> historyList;
    @FXML
    private ListView<String> snippetList;
    @FXML
    private Button saveSnippetButton;
    @FXML
    private Button deleteSnippetButton;

    public CqlView(CqlViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The page on its own, outside the shell: for tests. */
    public static Parent load(CqlViewModel viewModel) {
        return Fxml.load(FXML, new ControllerFactory().register(CqlView.class, () -> new CqlView(viewModel)));
    }

    @FXML
    private void initialize() {
        CqlPagePreload.start();
        cqlView.getStylesheets().add(Objects.requireNonNull(CqlView.class.getResource(STYLESHEET)).toExternalForm());
        editor.setId("cqlEditor");
        editor.getStyleClass().add("cql-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.textProperty().addListener((obs, old, text) -> editor.setStyleSpans(0, CqlHighlighting.of(text)));
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        editorHolder.getChildren().add(new VirtualizedScrollPane<>(editor));
        completions.setId("cqlCompletions");

        runButton.setTooltip(new Tooltip("The selection, or the statement at the cursor (Ctrl+Enter)"));
        runScriptButton.setTooltip(new Tooltip("Every statement, in order (Ctrl+Shift+Enter)"));
        cancelButton.setTooltip(new Tooltip("Cancel the running statement (Escape)"));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        runButton.disableProperty().bind(viewModel.runningProperty());
        runScriptButton.disableProperty().bind(viewModel.runningProperty());
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        nextPageButton.disableProperty().bind(viewModel.hasMoreProperty().not().or(viewModel.runningProperty()));
        exportButton.disableProperty().bind(viewModel.exportQueryProperty().isEmpty().or(viewModel.runningProperty()));
        exportButton.setTooltip(new Tooltip("Every row of the SELECT shown, to a file, as a job "
                + "(progress on the Jobs page)"));
        consistencyChoice.getItems().setAll(viewModel.consistencyLevels());
        consistencyChoice.valueProperty().bindBidirectional(viewModel.consistencyProperty());
        traceCheck.selectedProperty().bindBidirectional(viewModel.tracingProperty());

        ResultItems.follow(rowTable, viewModel.rows());
        rowTable.setPlaceholder(new Label("Run a statement to see its rows"));
        CutValueTooltip.install(rowTable); // no detail pane here: a cut value shows whole on hover
        viewModel.columns().addListener((ListChangeListener<String>) change -> rebuildColumns());
        messageList.setItems(viewModel.messages());
        traceTable.setItems(viewModel.trace());
        traceSourceColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().source()));
        traceElapsedColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().elapsedMicros()));
        traceActivityColumn.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().activity()));
        // a hidden tab's list still made its cells, cold, for the run's first messages in the pulse
        // that laid out the result's header (bench cql-ui): the messages and trace wait for their tab
        SelectedTabContent.attach(resultTabs);

        historySearch.textProperty().bindBidirectional(viewModel.historySearchProperty());
        historyList.setItems(viewModel.history());
        Tooltip details = new Tooltip();
        details.setWrapText(true);
        details.setMaxWidth(520);
        historyList.setCellFactory(list -> new HistoryCell(details));
        historyList.setOnMouseClicked(e -> {
            HistoryEntry chosen = historyList.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && chosen != null) {
                insert(chosen.statement());
            }
        });
        snippetList.setItems(viewModel.snippetNames());
        snippetList.setOnMouseClicked(e -> {
            String chosen = snippetList.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && chosen != null) {
                viewModel.snippet(chosen, this::insert);
            }
        });
        deleteSnippetButton.disableProperty().bind(snippetList.getSelectionModel().selectedItemProperty().isNull());
        viewModel.promptProperty().set((title, message) -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.setTitle(title);
            dialog.setHeaderText(message);
            dialog.initOwner(cqlView.getScene() == null ? null : cqlView.getScene().getWindow());
            return dialog.showAndWait().orElse(null);
        });
    }

    /** The editor, for tests and for focusing when the page is shown. */
    CodeArea editor() {
        return editor;
    }

    private void onKey(KeyEvent event) {
        if (RUN_ALL.match(event)) {
            onRunScript();
        } else if (RUN.match(event)) {
            onRun();
        } else if (COMPLETE.match(event)) {
            viewModel.complete(editor.getText(), editor.getCaretPosition(), this::showCompletions);
        } else if (event.getCode() == KeyCode.ESCAPE && viewModel.runningProperty().get()) {
            onCancel();
        } else {
            return;
        }
        event.consume();
    }

    private void showCompletions(CompletionResult result) {
        completions.hide();
        if (result.candidates().isEmpty()) {
            return;
        }
        List<MenuItem> items = new ArrayList<>();
        for (Completion candidate : result.candidates()) {
            MenuItem item = new MenuItem(candidate.text() + "    " + candidate.detail());
            item.setOnAction(e -> editor.replaceText(result.replaceFrom(), editor.getCaretPosition(), candidate.text()));
            items.add(item);
        }
        completions.getItems().setAll(items);
        Optional<Bounds> caret = editor.getCaretBounds();
        if (caret.isPresent()) {
            completions.show(editor, caret.get().getMinX(), caret.get().getMaxY());
        } else {
            completions.show(editor, javafx.geometry.Side.BOTTOM, 0, 0);
        }
    }

    private void insert(String text) {
        editor.insertText(editor.getCaretPosition(), text);
        editor.requestFocus();
    }

    private void rebuildColumns() {
        List<TableColumn<List<Cell>, ?>> built = new ArrayList<>();
        List<String> names = viewModel.columns();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<List<Cell>, Cell> column = new TableColumn<>(names.get(i));
            column.setSortable(false);
            column.setPrefWidth(140);
            column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().get(index)));
            column.setCellFactory(c -> new ValueCell<>());
            built.add(column);
        }
        rowTable.getColumns().setAll(built);
    }

    @FXML
    private void onRun() {
        String selected = editor.getSelectedText();
        if (!selected.isBlank()) {
            viewModel.runScript(selected);
        } else {
            viewModel.runAt(editor.getText(), editor.getCaretPosition());
        }
    }

    @FXML
    private void onRunScript() {
        viewModel.runScript(editor.getText());
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the rows of the SELECT shown");
        chooser.setInitialFileName("export.csv");
        List<ExportChoice> choices = List.of(new ExportChoice("CSV", "*.csv", ExportFormat.CSV, false),
                new ExportChoice("CSV, gzip", "*.csv.gz", ExportFormat.CSV, true),
                new ExportChoice("JSON lines", "*.jsonl", ExportFormat.JSON, false),
                new ExportChoice("JSON lines, gzip", "*.jsonl.gz", ExportFormat.JSON, true));
        choices.forEach(c -> chooser.getExtensionFilters().add(c.filter()));
        File file = chooser.showSaveDialog(cqlView.getScene().getWindow());
        if (file == null) {
            return;
        }
        ExportChoice chosen = choices.stream().filter(c -> c.filter() == chooser.getSelectedExtensionFilter())
                .findFirst().orElse(choices.get(0));
        viewModel.export(file.toPath(), chosen.format(), chosen.gzip());
    }

    /**
     * A history entry on one line, cut to the list's width (a statement longer than the list gave it
     * a sideways scroll bar, and every line the same cut start), the whole statement and its details
     * (when, profile, outcome, time) in the list's one tooltip, whose text the cell under the mouse
     * sets: a tooltip per cell cost 40-68 ms of FX-thread CPU in the pulse that first laid the list
     * out ({@code bench cql-ui}).
     */
    static final class HistoryCell extends ListCell<HistoryEntry> {

        private static final Pattern WHITESPACE = Pattern.compile("\\s+");
        /** Enough of a statement for a tooltip: a generated one can be pages long. */
        static final int TOOLTIP_CHARS = 600;

        private final Tooltip details;

        HistoryCell(Tooltip details) {
            this.details = details;
            // a list sizes its cells to the widest one's preferred width; none wider than the list
            setPrefWidth(0);
            getStyleClass().add(Styles.ELIDABLE); // cut on purpose: whole in the tooltip
            setOnMouseEntered(e -> showDetails());
        }

        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            boolean shown = !empty && entry != null;
            setText(shown ? oneLine(entry.statement()) : null);
            setTooltip(shown ? details : null);
            if (isHover()) {
                showDetails();
            }
        }

        /** The statement as written (its start, if long), then when and how it ran. */
        static String tooltipText(HistoryEntry entry) {
            String statement = entry.statement().strip();
            if (statement.length() > TOOLTIP_CHARS) {
                statement = statement.substring(0, TOOLTIP_CHARS).concat(" …");
            }
            return statement + "\n" + entry.ts() + " · " + entry.profile() + " · " + entry.outcome() + " · "
                    + entry.elapsedMs() + " ms";
        }

        /** The statement on one line: its runs of whitespace made one space each. */
        static String oneLine(String statement) {
            return WHITESPACE.matcher(statement).replaceAll(" ");
        }

        private void showDetails() {
            HistoryEntry entry = getItem();
            if (!isEmpty() && entry != null) {
                details.setText(tooltipText(entry));
            }
        }
    }

    /** One file type of the export chooser: its format and whether it is compressed. */
    private record ExportChoice(FileChooser.ExtensionFilter filter, ExportFormat format, boolean gzip) {
        ExportChoice(String label, String pattern, ExportFormat format, boolean gzip) {
            this(new FileChooser.ExtensionFilter(label + " (" + pattern + ")", pattern), format, gzip);
        }
    }

    @FXML
    private void onNextPage() {
        viewModel.fetchNextPage();
    }

    @FXML
    private void onSaveSnippet() {
        String text = editor.getSelectedText().isBlank() ? editor.getText() : editor.getSelectedText();
        if (text.isBlank()) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Save snippet");
        dialog.setHeaderText("Name of the snippet");
        dialog.initOwner(cqlView.getScene() == null ? null : cqlView.getScene().getWindow());
        dialog.showAndWait().filter(name -> !name.isBlank()).ifPresent(name -> viewModel.saveSnippet(name, text));
    }

    @FXML
    private void onDeleteSnippet() {
        String chosen = snippetList.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            viewModel.deleteSnippet(chosen);
        }
    }
}
