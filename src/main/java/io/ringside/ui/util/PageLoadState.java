package io.ringside.ui.util;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The load state a page's view-model reports through {@link PageLoad}: loaded once a load ended
 * well, and why the last one failed. Every page kept the same two properties and set them the same
 * way; a success clears the reason before it says loaded, so whoever listens to either (snapshot
 * mode) never sees a page loaded with a stale failure. Used on the FX thread only.
 */
public final class PageLoadState {

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** A load ended well: no reason for a failure any more, and the page counts as loaded from now on. */
    public void succeeded() {
        error.set("");
        loaded.set(true);
    }

    /** A load failed for {@code reason}, a line for the operator; a page loaded before stays loaded. */
    public void failed(String reason) {
        error.set(reason);
    }

    public boolean isLoaded() {
        return loaded.get();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
