package io.ringside.ui.shell;

import io.ringside.ui.util.PageLoad;
import java.util.Objects;

/**
 * One entry of the navigation rail: either a built page (FXML and the view-model the shell
 * activates when it is shown) or a placeholder that says what a later release puts there.
 *
 * @param fxml        resource path under {@code /fxml/}; null for a placeholder
 * @param viewModel   null for a placeholder
 * @param description what the page shows, for its tooltip and for a placeholder's text
 */
public record Page(String id, String title, String fxml, PageLoad viewModel, String description) {

    public Page {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if ((fxml == null) != (viewModel == null)) {
            throw new IllegalArgumentException("Page " + id + " needs both an FXML file and a view-model, or neither");
        }
    }

    public static Page of(String id, String title, String fxml, PageLoad viewModel, String description) {
        return new Page(id, title, fxml, Objects.requireNonNull(viewModel), description);
    }

    public static Page placeholder(String id, String title, String description) {
        return new Page(id, title, null, null, description);
    }

    /** False for a placeholder: snapshot mode exits 2 ("not available yet") for it. */
    public boolean available() {
        return viewModel != null;
    }
}
