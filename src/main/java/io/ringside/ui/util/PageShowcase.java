package io.ringside.ui.util;

import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;

/**
 * What a user would do on a page before a picture of it says anything: a CQL page with a statement
 * run, a Messages tab with a search made. Snapshot mode runs it once the page has loaded and writes
 * the PNG when it completes, so the README's pictures show the pages at work and a page that can no
 * longer do it fails the screenshot instead of showing an empty page.
 */
@FunctionalInterface
public interface PageShowcase {

    /**
     * Called on the FX thread with the page shown in {@code scene} and loaded; acts through the
     * page's own controls, as a user would.
     *
     * @param page the page's view-model
     * @return completes on the FX thread with a few words of what the page now shows, or
     *         exceptionally with what went wrong
     */
    CompletableFuture<String> stage(Scene scene, PageLoad page);

    /**
     * Presses {@code button} and calls {@code ended} once {@code running} is false again: at once
     * when the press started nothing (its page said why in its status).
     */
    static void press(ButtonBase button, ReadOnlyBooleanProperty running, Runnable ended) {
        ChangeListener<Boolean> stopped = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    running.removeListener(this);
                    ended.run();
                }
            }
        };
        running.addListener(stopped);
        button.fire();
        if (!running.get()) {
            running.removeListener(stopped);
            ended.run();
        }
    }

    /**
     * Completes on the pulse {@code table} shows at least {@code rows} items: a first result comes
     * into a grid in steps ({@link StagedRows}), and a picture taken before would show a part.
     */
    static CompletableFuture<Void> whenShown(TableView<?> table, int rows) {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (table.getItems().size() >= rows) {
                    stop();
                    shown.complete(null);
                }
            }
        }.start();
        return shown;
    }
}
