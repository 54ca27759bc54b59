package io.ringside.ui.stack;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The start-progress dialog: open while this console starts the local stack, one row per server
 * with its phase and elapsed time, closed by itself once every server is ready. A failed start
 * keeps it open with the reason and the failed server's log tail until the operator closes it.
 *
 * <p>It shows the {@link StackViewModel}'s own rows rather than a second copy: those already
 * receive the core's events batched through one {@code FxBatcher}, and the stack page and the
 * dialog can never disagree, and the elapsed times tick from the stack's one ticker while the
 * dialog is open. Everything here runs on the FX thread.
 */
public final class StartProgressViewModel {

    static final String STARTING_TITLE = "Starting the local stack";
    static final String FAILED_TITLE = "The local stack did not start";

    private final StackViewModel stack;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(STARTING_TITLE);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    public StartProgressViewModel(StackViewModel stack) {
        this.stack = stack;
        stack.modeProperty().addListener((obs, old, mode) -> follow(mode));
        showing.addListener((obs, was, now) -> stack.showElapsed(this, now));
        follow(stack.modeProperty().get());
    }

    private void follow(StackMode mode) {
        switch (mode) {
            case STARTING -> {
                failed.set(false);
                failure.set("");
                title.set(STARTING_TITLE);
                showing.set(true);
            }
            case RUNNING -> showing.set(false);
            case FAILED -> {
                if (showing.get()) {
                    failed.set(true);
                    title.set(FAILED_TITLE);
                    failure.set(stack.errorMessageProperty().get());
                }
            }
            case STOPPING, STOPPED -> {
                if (!failed.get()) {
                    showing.set(false);
                }
            }
            default -> {
            }
        }
    }

    /** "Hide" while starting (the start goes on, the stack page shows it), "Close" after a failure. */
    public void close() {
        showing.set(false);
    }

    public ObservableList<ServerRow> rows() {
        return stack.rows();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The start's error: which server failed, why, and the last lines of its log. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return stack.summaryProperty();
    }
}
