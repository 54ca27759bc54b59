package io.ringside.ui.cache;

import io.ringside.core.redis.KeyAdmin;
import io.ringside.core.redis.ServerSummary;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Changes the server's {@code maxmemory-policy} from the Server tab: the choice follows the
 * polled INFO until the operator picks another, applying asks first, and the core audits the
 * change as {@code cache.policy} and refuses it under a read-only profile (the control is
 * disabled there, and a refusal that still comes back is shown).
 */
public final class EvictionPolicyViewModel {

    private final CacheGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final StringProperty chosen = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();

    public EvictionPolicyViewModel(CacheGateway gateway, TaskExecutor executor, DialogService dialogs,
                                   ObservableValue<ServerSummary> summaries) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        summaries.addListener((obs, old, summary) -> {
            if (summary != null) {
                serverSays(summary.evictionPolicy());
            }
        });
    }

    private void serverSays(String policy) {
        boolean following = chosen.get().isEmpty() || chosen.get().equals(current.get());
        current.set(policy);
        if (following) {
            chosen.set(policy);
        }
        readOnly.set(gateway.readOnly());
    }

    /** Sets the chosen policy on the server after a confirmation. */
    public void apply() {
        String policy = chosen.get();
        String before = current.get();
        if (policy == null || policy.isEmpty() || policy.equals(before) || applying.get()) {
            return;
        }
        if (!KeyAdmin.POLICIES.contains(policy)) {
            message.set("Unknown eviction policy '" + policy + "'");
            return;
        }
        if (!dialogs.confirm("Change eviction policy", "CONFIG SET maxmemory-policy " + policy + " (now " + before
                + ")? It applies at once to every client of this Redis, until the server restarts.", "Change")) {
            chosen.set(before);
            return;
        }
        applying.set(true);
        message.set("");
        BackgroundTask.wrap(() -> {
            gateway.setEvictionPolicy(policy);
            return policy;
        }).withTitle("Eviction policy " + policy)
                .onFinished(() -> applying.set(false))
                .onSuccess(done -> {
                    current.set(done);
                    message.set("Eviction policy now " + done + " (was " + before + ")");
                })
                .onFailure(e -> {
                    chosen.set(current.get());
                    message.set("Eviction policy not changed: " + Errors.firstLine(e));
                })
                .executeWith(executor);
    }

    /** The policy in the chooser; follows the server until the operator picks another. */
    public StringProperty chosenProperty() {
        return chosen;
    }

    /** The policy the server answered last. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }
}
