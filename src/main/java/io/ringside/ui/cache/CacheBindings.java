package io.ringside.ui.cache;

import io.ringside.ui.util.PreparedTableRows;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/** The bindings the Cache page's panes share, so each pane binds a column or a run control the same way. */
final class CacheBindings {

    /** The text of an empty row ({@link PreparedTableRows}). */
    static final ObservableValue<String> EMPTY = new ReadOnlyStringWrapper("");

    private CacheBindings() {
    }

    /** Pause only while running, resume only while paused, stop (or cancel) while either. */
    static <T> void bindRunControls(ObservableValue<T> state, T running, T paused, Button pause, Button resume,
                                    Button stop) {
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> state.getValue() != running, state));
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> state.getValue() != paused, state));
        stop.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.getValue() != running && state.getValue() != paused, state));
    }

    static void show(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    static <S> Callback<TableColumn.CellDataFeatures<S, String>, ObservableValue<String>> text(
            Function<S, String> getter) {
        return cell -> cell.getValue() == null ? EMPTY : new ReadOnlyStringWrapper(getter.apply(cell.getValue()));
    }
}
