package io.ringside.ui.profiles;

import io.ringside.core.connect.SecretKind;
import io.ringside.core.connect.SecretPrompt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Asks for a secret in a password dialog when no keyring keeps it. Connections are opened on
 * worker threads, so the worker waits while the FX thread shows the dialog; the answer lives only
 * in the session's secret store.
 */
public final class FxSecretPrompt implements SecretPrompt {

    private final Supplier<Window> owner;

    public FxSecretPrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<char[]> ask(ConnectionProfileRef profile, SecretKind kind) {
        if (Platform.isFxApplicationThread()) {
            return show(profile, kind);
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(profile, kind));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<char[]> show(ConnectionProfileRef profile, SecretKind kind) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(kind.label());
        dialog.setHeaderText(kind.label() + " for profile '" + profile.name() + "'");
        PasswordField field = new PasswordField();
        field.setId("secretField");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Kept for this session only (no OS keyring)."), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Platform.runLater(field::requestFocus);
        Optional<ButtonType> pressed = dialog.showAndWait();
        if (pressed.filter(ButtonType.OK::equals).isEmpty() || field.getText().isEmpty()) {
            return Optional.empty();
        }
        char[] secret = field.getText().toCharArray();
        field.clear();
        return Optional.of(secret);
    }
}
