package io.ringside.ui.streams;

import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageShowcase;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

/**
 * The Streams page's Messages tab at work, for its screenshot: the tab selected, a topic searched
 * with a condition through the Search button, as a user would, and the first match selected so
 * its detail shows. Fails when the tab is gone or the search failed; no match is not a failure
 * (a topic may hold none yet), the picture then shows the search's summary.
 *
 * @param topic     the topic to search
 * @param kind      what the condition is
 * @param condition the condition, e.g. {@code $.state == "succeeded"}
 */
public record MessagesShowcase(String topic, MessageSearchViewModel.Kind kind, String condition)
        implements PageShowcase {

    /** What the README's picture searches: the sample loads' last progress events. */
    public static MessagesShowcase succeededJobs() {
        return new MessagesShowcase("ringside.jobs.progress", MessageSearchViewModel.Kind.JSON_PATH,
                "$.state == \"succeeded\"");
    }

    @Override
    public CompletableFuture<String> stage(Scene scene, PageLoad page) {
        CompletableFuture<String> shown = new CompletableFuture<>();
        MessageSearchViewModel search = ((StreamsViewModel) page).messages();
        Optional<Tab> tab = messagesTab(scene);
        Node content = tab.map(Tab::getContent).orElse(null);
        if (content == null || !(content.lookup("#searchButton") instanceof Button button)) {
            shown.completeExceptionally(new IllegalStateException("The Streams page has no Messages tab to search"));
            return shown;
        }
        tab.get().getTabPane().getSelectionModel().select(tab.get());
        search.topicProperty().set(topic);
        search.kindProperty().set(kind);
        search.textProperty().set(condition);
        // The search's outcome is set just after it stops running, in the same FX-thread step.
        PageShowcase.press(button, search.runningProperty(),
                () -> Platform.runLater(() -> finish(search, content, shown)));
        return shown;
    }

    private static Optional<Tab> messagesTab(Scene scene) {
        return scene.getRoot().lookupAll(".tab-pane").stream()
                .filter(TabPane.class::isInstance)
                .flatMap(pane -> ((TabPane) pane).getTabs().stream())
                .filter(t -> "messagesTab".equals(t.getId()))
                .findFirst();
    }

    private void finish(MessageSearchViewModel search, Node content, CompletableFuture<String> shown) {
        String status = search.statusProperty().get();
        // A search that ended normally leaves its SearchResult summary ("scanned ..."); anything else says why not.
        if (!status.startsWith("scanned") && !status.startsWith("stopped at the limit")) {
            shown.completeExceptionally(new IllegalStateException("Searching " + topic + " failed: " + status));
            return;
        }
        int found = search.results().size();
        String what = "searched " + topic + " for " + condition + ": " + found + " messages";
        if (found > 0 && content.lookup("#resultTable") instanceof TableView<?> table) {
            PageShowcase.whenShown(table, found).thenRun(() -> {
                table.getSelectionModel().select(0);
                shown.complete(what);
            });
        } else {
            shown.complete(what);
        }
    }
}
