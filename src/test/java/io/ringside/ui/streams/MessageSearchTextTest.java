package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ringside.ui.streams.MessageSearchViewModel.Kind;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** No servers: a search without text is refused the same way by the search and by its filter, but for a value search. */
class MessageSearchTextTest {

    @Test
    void everyKindButAValueSearchNeedsText() {
        for (Kind kind : Kind.values()) {
            MessageSearchViewModel search = new MessageSearchViewModel(null, new CurrentThreadTaskExecutor());
            search.kindProperty().set(kind);
            search.textProperty().set("");
            search.search(); // no topic: a search that passed the text check says so
            if (kind == Kind.VALUE) {
                assertEquals("Choose a topic to search", search.statusProperty().get());
            } else {
                assertEquals("Enter what to search for", search.statusProperty().get(), kind.name());
                assertEquals("Enter what to search for", assertThrows(IllegalArgumentException.class,
                        () -> MessageSearchViewModel.filter(kind, "")).getMessage());
            }
        }
    }
}
