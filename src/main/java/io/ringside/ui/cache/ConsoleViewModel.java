package io.ringside.ui.cache;

import io.ringside.core.RingsideException;
import io.ringside.core.redis.CommandLineParser;
import io.ringside.core.redis.ConsoleResult;
import io.ringside.core.redis.RedisCommandCatalog;
import io.ringside.core.redis.RedisConsole;
import io.ringside.core.redis.ReplyLines;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Console tab of the Cache page: a command line over the profile's Redis with completion from
 * the server's own command list, history, several commands per input (one a line), and the
 * transcript of replies rendered by RESP type. A command that can block the server or lose data
 * asks for its name to be typed first; the core checks it again, and refuses under a read-only
 * profile whatever was typed. Commands run in the background, one input at a time, and the
 * transcript gets each input's lines in one update.
 */
public final class ConsoleViewModel {

    /** Transcript lines kept; older ones are dropped so a long day at the console stays light. */
    static final int MAX_LINES = 20_000;

    private final Supplier<ConsoleGateway> gateway;
    private final TaskExecutor executor;
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty typedConfirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper confirmationPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<ReplyLines.Line> transcript = FXCollections.observableArrayList();
    private final ObservableList<RedisCommandCatalog.Completion> completions = FXCollections.observableArrayList();
    private final List<String> history = new ArrayList<>();
    private int historyAt;
    private RedisCommandCatalog catalog;
    private boolean loadingCatalog;
    private String expected;

    public ConsoleViewModel(Supplier<ConsoleGateway> gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public StringProperty typedConfirmationProperty() {
        return typedConfirmation;
    }

    /** Non-empty while a command waits for its name to be typed. */
    public ReadOnlyStringProperty confirmationPromptProperty() {
        return confirmationPrompt.getReadOnlyProperty();
    }

    /** The syntax of the command being typed, when the server documents it. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<ReplyLines.Line> transcript() {
        return transcript;
    }

    public ObservableList<RedisCommandCatalog.Completion> completions() {
        return completions;
    }

    /** Reads the server's command list in the background the first time the tab is shown. */
    public void activate() {
        if (catalog != null || loadingCatalog) {
            return;
        }
        loadingCatalog = true;
        BackgroundTask.wrap(() -> gateway.get().catalog())
                .onSuccess(c -> catalog = c)
                .onFailure(e -> append(List.of(new ReplyLines.Line("(no command list: " + e.getMessage() + ")",
                        ReplyLines.Kind.ERROR))))
                .onFinished(() -> loadingCatalog = false)
                .withTitle("Reading the Redis command list")
                .executeWith(executor);
    }

    /** Completions for the text before the caret; in memory once the command list is read. */
    public void complete(String beforeCaret) {
        if (catalog == null) {
            completions.clear();
            return;
        }
        completions.setAll(catalog.complete(beforeCaret));
        hint.set(syntax(beforeCaret));
    }

    /** The syntax of the command the caret is in, when the server documents it; the completion list goes. */
    public void updateHint(String beforeCaret) {
        completions.clear();
        hint.set(catalog == null ? "" : syntax(beforeCaret));
    }

    private String syntax(String beforeCaret) {
        String line = beforeCaret.substring(beforeCaret.lastIndexOf('\n') + 1).trim();
        RedisCommandCatalog.Spec spec = line.isEmpty() ? null : catalog.resolve(List.of(line.split("\\s+")));
        return spec == null ? "" : spec.syntax();
    }

    /** The text {@code beforeCaret} becomes when completion {@code chosen} replaces the word being typed. */
    public static String accept(String beforeCaret, RedisCommandCatalog.Completion chosen) {
        int start = beforeCaret.length();
        while (start > 0 && !Character.isWhitespace(beforeCaret.charAt(start - 1))) {
            start--;
        }
        return beforeCaret.substring(0, start) + chosen.text() + " ";
    }

    /** Runs the input: every command in it, in order, stopping at the first the core refuses. */
    public void run() {
        String text = input.get();
        if (busy.get() || text == null || text.isBlank()) {
            return;
        }
        List<CommandLineParser.Command> commands;
        try {
            commands = CommandLineParser.parse(text);
        } catch (IllegalArgumentException e) {
            append(List.of(new ReplyLines.Line("(error) " + e.getMessage(), ReplyLines.Kind.ERROR)));
            return;
        }
        String confirmation = null;
        for (CommandLineParser.Command command : commands) {
            String needed = RedisConsole.confirmation(command.words());
            if (needed != null) {
                if (!needed.equals(expected) || !needed.equalsIgnoreCase(typedConfirmation.get().trim())) {
                    expected = needed;
                    typedConfirmation.set("");
                    confirmationPrompt.set(needed + " can block the server or lose data. Type " + needed
                            + " and run again to confirm.");
                    return;
                }
                confirmation = typedConfirmation.get();
            }
        }
        remember(text);
        String confirmed = confirmation;
        expected = null;
        confirmationPrompt.set("");
        typedConfirmation.set("");
        input.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> runAll(commands, confirmed))
                .onSuccess(this::append)
                .onFailure(e -> append(List.of(new ReplyLines.Line("(error) " + e.getMessage(), ReplyLines.Kind.ERROR))))
                .onFinished(() -> busy.set(false))
                .withTitle("Running Redis commands")
                .executeWith(executor);
    }

    /** Off the FX thread: each command echoed, then its reply's lines; a refusal ends the input. */
    private List<ReplyLines.Line> runAll(List<CommandLineParser.Command> commands, String confirmation) {
        List<ReplyLines.Line> lines = new ArrayList<>();
        ConsoleGateway console = gateway.get();
        for (CommandLineParser.Command command : commands) {
            lines.add(new ReplyLines.Line("> " + String.join(" ", command.words()), ReplyLines.Kind.EMPTY));
            try {
                String needed = RedisConsole.confirmation(command.words());
                ConsoleResult result = console.run(command, needed == null ? null : confirmation);
                lines.addAll(ReplyLines.of(result.reply()));
                lines.add(new ReplyLines.Line(String.format(Locale.ROOT, "(%s, %.1f ms)", result.node(),
                        result.elapsed().toNanos() / 1e6), ReplyLines.Kind.EMPTY));
            } catch (RingsideException e) { // refused (read-only, confirmation) or unreachable
                lines.add(new ReplyLines.Line("(refused) " + e.getMessage(), ReplyLines.Kind.ERROR));
                break;
            }
        }
        return lines;
    }

    private void append(List<ReplyLines.Line> lines) {
        transcript.addAll(lines);
        if (transcript.size() > MAX_LINES) {
            transcript.remove(0, transcript.size() - MAX_LINES);
        }
    }

    private void remember(String text) {
        if (history.isEmpty() || !history.get(history.size() - 1).equals(text)) {
            history.add(text);
        }
        historyAt = history.size();
    }

    /** The previous input of the history into the command line. */
    public void historyBack() {
        if (historyAt > 0) {
            historyAt--;
            input.set(history.get(historyAt));
        }
    }

    /** The next input of the history, or an empty line after the newest. */
    public void historyForward() {
        if (historyAt < history.size() - 1) {
            historyAt++;
            input.set(history.get(historyAt));
        } else {
            historyAt = history.size();
            input.set("");
        }
    }

    public List<String> history() {
        return List.copyOf(history);
    }
}
