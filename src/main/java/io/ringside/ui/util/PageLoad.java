package io.ringside.ui.util;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the shell and snapshot mode need to know of a console page's view-model: when the page is
 * shown it starts loading in the background, and it says when its first load has ended and why it
 * failed, if it did. Snapshot mode writes the PNG only once {@link #loadedProperty()} is true, or
 * exits with {@link #loadErrorProperty()} as the reason.
 */
public interface PageLoad {

    /** Called on the FX thread each time the page is shown; starts (or refreshes) its loading. */
    void activate();

    /** Called on the FX thread when the page is hidden; stops polling it no longer needs. */
    default void deactivate() {
    }

    /** The page's load state, which it sets as its loads end. */
    PageLoadState loadState();

    /** True once the first load has ended successfully; set on the FX thread. */
    default ReadOnlyBooleanProperty loadedProperty() {
        return loadState().loadedProperty();
    }

    /** Why the last load failed, empty while all is well; set on the FX thread. */
    default ReadOnlyStringProperty loadErrorProperty() {
        return loadState().errorProperty();
    }
}
