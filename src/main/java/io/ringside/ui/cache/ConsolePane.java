package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.show;

import io.ringside.core.redis.RedisCommandCatalog;
import io.ringside.core.redis.ReplyLines;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

/**
 * Controller of {@code fxml/cache/ConsolePane.fxml}, the Console tab: the transcript (a virtual
 * list, one row a reply line, styled by RESP kind), the input with its keys, completion and the
 * typed confirmation. Everything it does goes through {@link ConsoleViewModel}.
 */
public final class ConsolePane {

    private final ConsoleViewModel console;

    @FXML
    private ListView<ReplyLines.Line> transcript;
    @FXML
    private Label hint;
    @FXML
    private HBox confirmRow;
    @FXML
    private Label confirmPrompt;
    @FXML
    private TextField confirmField;
    @FXML
    private TextArea input;
    @FXML
    private Button runButton;
    @FXML
    private ListView<RedisCommandCatalog.Completion> completions;

    public ConsolePane(ConsoleViewModel console) {
        this.console = console;
    }

    @FXML
    private void initialize() {
        transcript.setItems(console.transcript());
        transcript.setCellFactory(list -> new LineCell());
        console.transcript().addListener((javafx.collections.ListChangeListener<ReplyLines.Line>) change -> {
            if (!console.transcript().isEmpty()) {
                transcript.scrollTo(console.transcript().size() - 1);
            }
        });
        hint.textProperty().bind(console.hintProperty());
        show(hint, console.hintProperty().isNotEmpty());
        confirmPrompt.textProperty().bind(console.confirmationPromptProperty());
        show(confirmRow, console.confirmationPromptProperty().isNotEmpty());
        confirmField.textProperty().bindBidirectional(console.typedConfirmationProperty());
        confirmField.setOnAction(e -> console.run());
        input.textProperty().bindBidirectional(console.inputProperty());
        input.caretPositionProperty().addListener((obs, old, now) -> console.updateHint(beforeCaret()));
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // the characters of the keys handled above are not typed into the text as well
        input.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            if ("\t".equals(c) || "\r".equals(c) || "\n".equals(c)) {
                e.consume();
            }
        });
        runButton.disableProperty().bind(console.busyProperty());
        completions.setItems(console.completions());
        completions.setCellFactory(list -> new CompletionCell());
        show(completions, Bindings.isNotEmpty(console.completions()));
        completions.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                accept(completions.getSelectionModel().getSelectedItem());
            }
        });
        completions.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                accept(completions.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        input.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                console.activate();
            }
        });
    }

    @FXML
    private void run() {
        console.run();
        if (!console.confirmationPromptProperty().get().isEmpty()) {
            confirmField.requestFocus();
        } else {
            input.requestFocus();
        }
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case ENTER -> {
                if (e.isShiftDown()) {
                    input.insertText(input.getCaretPosition(), "\n");
                } else {
                    run();
                }
                e.consume();
            }
            case TAB -> {
                console.complete(beforeCaret());
                if (console.completions().size() == 1) {
                    accept(console.completions().get(0));
                } else if (!console.completions().isEmpty()) {
                    completions.requestFocus();
                    completions.getSelectionModel().selectFirst();
                }
                e.consume();
            }
            case UP -> {
                if (!beforeCaret().contains("\n")) {
                    console.historyBack();
                    input.positionCaret(input.getLength());
                    e.consume();
                }
            }
            case DOWN -> {
                if (!input.getText().substring(input.getCaretPosition()).contains("\n")) {
                    console.historyForward();
                    input.positionCaret(input.getLength());
                    e.consume();
                }
            }
            default -> { }
        }
    }

    private String beforeCaret() {
        String text = input.getText() == null ? "" : input.getText();
        return text.substring(0, Math.min(input.getCaretPosition(), text.length()));
    }

    private void accept(RedisCommandCatalog.Completion chosen) {
        if (chosen == null) {
            return;
        }
        String before = beforeCaret();
        String after = input.getText().substring(before.length());
        String completed = ConsoleViewModel.accept(before, chosen);
        input.setText(completed + after);
        input.positionCaret(completed.length());
        input.requestFocus();
        console.completions().clear();
    }

    /** One reply line, styled by what it shows (errors red). */
    private static final class LineCell extends ListCell<ReplyLines.Line> {
        @Override
        protected void updateItem(ReplyLines.Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(c -> c.startsWith("console-line-"));
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            getStyleClass().add("console-line-" + line.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    private static final class CompletionCell extends ListCell<RedisCommandCatalog.Completion> {
        @Override
        protected void updateItem(RedisCommandCatalog.Completion item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.description().isEmpty() ? item.text()
                    : item.text() + "  —  " + item.description());
        }
    }
}
