package io.ringside.ui.profiles;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileDraft;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.TaskExecutor;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection profiles dialog: list, create, edit, clone, delete (confirmed), import, export
 * without secrets, test each backend, and make a profile the active one. The built-in local
 * profile is shown read-only (its endpoints come from the stack's state file); clone it to edit.
 */
public final class ProfilesViewModel {

    /** A backend's last test, for the label next to its Test button. */
    public record TestResult(Tone tone, String text) {
        static final TestResult NONE = new TestResult(Tone.MUTED, "");
    }

    private final ProfileGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<ConnectionProfile> use;
    private final ProfileForm form = new ProfileForm();
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<ConnectionProfile> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyObjectWrapper<ConnectionProfile> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretsNote = new ReadOnlyStringWrapper("");
    private final Map<Backend, ReadOnlyObjectWrapper<TestResult>> tests = new EnumMap<>(Backend.class);
    private String editingId;

    /** @param use makes a profile the console's active one */
    public ProfilesViewModel(ProfileGateway gateway, TaskExecutor executor, DialogService dialogs,
                             Consumer<ConnectionProfile> use) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.use = use;
        for (Backend backend : Backend.values()) {
            tests.put(backend, new ReadOnlyObjectWrapper<>(TestResult.NONE));
        }
    }

    /** Loads the list; selects {@code selectId} (the active profile) when it is there. */
    public void open(String selectId) {
        BackgroundTask.wrap(() -> new Loaded(gateway.list(), gateway.secretsDescription()))
                .onSuccess(loaded -> {
                    secretsNote.set("Passwords: " + loaded.secrets() + ". Profiles and exports never contain them.");
                    profiles.setAll(loaded.profiles());
                    select(loaded.profiles().stream().filter(p -> p.id().equals(selectId)).findFirst()
                            .orElse(loaded.profiles().isEmpty() ? null : loaded.profiles().get(0)));
                })
                .onFailure(this::showError)
                .executeWith(executor);
    }

    public void select(ConnectionProfile profile) {
        selected.set(profile);
        clearMessages();
        tests.values().forEach(test -> test.set(TestResult.NONE));
        if (profile == null) {
            editingId = null;
            editable.set(false);
            return;
        }
        editingId = profile.id();
        form.load(profile);
        editable.set(!profile.isLocal());
    }

    /** A new, unsaved profile with defaults; Save stores it. */
    public void newProfile() {
        select(ProfileDraft.defaults("new", "New profile"));
        editingId = null;
        editable.set(true);
    }

    /**
     * An unsaved copy of the selected profile. A copy of the local one takes what the console
     * connects to it with (the stack's endpoints; on a secure stack TLS and user), not its
     * password, which stays in the stack's credentials file.
     */
    public void cloneSelected() {
        ConnectionProfile source = selected.get();
        if (source == null) {
            return;
        }
        if (!source.isLocal()) {
            editCopy(source);
            return;
        }
        BackgroundTask.wrap(gateway::localAsStored)
                .onSuccess(local -> {
                    editCopy(local);
                    if (local.cassandra().tls().enabled()) {
                        message.set("Copied the secure local stack's TLS and user '" + local.cassandra().username()
                                + "'; its password is not copied: type it from the stack's credentials file "
                                + "(ringside stack status names it)");
                    }
                })
                .onFailure(this::showError)
                .executeWith(executor);
    }

    private void editCopy(ConnectionProfile source) {
        select(source.withId("copy", "Copy of " + source.name()));
        editingId = null;
        editable.set(true);
    }

    public void save() {
        if (!editable.get()) {
            return;
        }
        ConnectionProfile edited;
        try {
            edited = form.toProfile(editingId == null ? "draft" : editingId);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        Map<SecretKind, char[]> secrets = form.typedSecrets();
        form.clearSecrets();
        String existingId = editingId;
        BackgroundTask.wrap(() -> {
            try {
                ConnectionProfile saved = existingId == null ? edited.withId(gateway.newId(edited.name()), edited.name())
                        : edited;
                gateway.save(saved, secrets);
                return new Saved(saved, gateway.list());
            } finally {
                ProfileForm.wipe(secrets);
            }
        })
                .withTitle("Saving profile " + edited.name())
                .onSuccess(result -> {
                    profiles.setAll(result.profiles());
                    select(result.profiles().stream().filter(p -> p.id().equals(result.saved().id())).findFirst()
                            .orElse(result.saved()));
                    message.set("Saved profile '" + result.saved().name() + "'");
                })
                .onFailure(this::showError)
                .executeWith(executor);
    }

    public void deleteSelected() {
        ConnectionProfile doomed = selected.get();
        if (doomed == null || doomed.isLocal() || editingId == null) {
            return;
        }
        if (!dialogs.confirm("Delete profile?", "Delete the profile '" + doomed.name() + "' and its stored passwords? "
                + "The servers it points at are not touched.", "Delete profile")) {
            return;
        }
        BackgroundTask.wrap(() -> {
            gateway.delete(doomed);
            return gateway.list();
        })
                .onSuccess(list -> {
                    profiles.setAll(list);
                    select(list.get(0));
                    message.set("Deleted profile '" + doomed.name() + "'");
                })
                .onFailure(this::showError)
                .executeWith(executor);
    }

    /** Imports with fresh ids and names for profiles that meet stored ones (nothing is overwritten). */
    public void importFrom(Path file) {
        importFrom(file, ProfileStore.OnConflict.RENAME);
    }

    /**
     * Imports an exported file; a profile meeting a stored one (same id, else same name) is renamed,
     * replaces it (never the built-in local one) or is skipped, as the user chose.
     */
    public void importFrom(Path file, ProfileStore.OnConflict onConflict) {
        BackgroundTask.wrap(() -> new Imported(gateway.importFrom(file, onConflict), gateway.list()))
                .withTitle("Importing profiles from " + file.getFileName())
                .onSuccess(result -> {
                    profiles.setAll(result.profiles());
                    long saved = result.outcomes().stream()
                            .filter(o -> o.outcome() != ProfileStore.ImportOutcome.SKIPPED).count();
                    message.set("Imported " + saved + " profile(s) from " + file.getFileName()
                            + (result.outcomes().isEmpty() ? "" : ": " + String.join("; ",
                            result.outcomes().stream().map(ProfileStore.ImportedProfile::describe).toList())));
                })
                .onFailure(this::showError)
                .executeWith(executor);
    }

    /** Exports every stored profile (never the built-in local one, never a secret). */
    public void exportTo(Path file) {
        List<ConnectionProfile> stored = profiles.stream().filter(p -> !p.isLocal()).toList();
        BackgroundTask.wrap(() -> gateway.export(stored, file))
                .onSuccess(nothing -> message.set("Exported " + stored.size() + " profile(s) to " + file
                        + " (without passwords)"))
                .onFailure(this::showError)
                .executeWith(executor);
    }

    public void test(Backend backend) {
        ConnectionProfile edited;
        try {
            ConnectionProfile current = selected.get();
            edited = current != null && current.isLocal() ? current
                    : form.toProfile(editingId == null ? "draft" : editingId);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        Map<SecretKind, char[]> secrets = form.typedSecrets();
        ReadOnlyObjectWrapper<TestResult> result = tests.get(backend);
        result.set(new TestResult(Tone.WARN, "testing…"));
        BackgroundTask.wrap(() -> {
            try {
                return gateway.test(edited, backend, secrets);
            } finally {
                ProfileForm.wipe(secrets);
            }
        })
                .withTitle("Testing " + backend.label() + " of " + edited.name())
                .onSuccess(check -> result.set(toResult(check)))
                .onFailure(e -> result.set(new TestResult(Tone.BAD, e.getMessage())))
                .executeWith(executor);
    }

    private static TestResult toResult(ConnectionCheck check) {
        return new TestResult(check.ok() ? Tone.OK : Tone.BAD, check.describe());
    }

    /** Makes the selected, saved profile the active one. */
    public boolean useSelected() {
        ConnectionProfile chosen = selected.get();
        if (chosen == null || editingId == null) {
            error.set("Save the profile before using it");
            return false;
        }
        use.accept(chosen);
        return true;
    }

    private void showError(Exception e) {
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private void clearMessages() {
        message.set("");
        error.set("");
    }

    public ProfileForm form() {
        return form;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profilesView;
    }

    public ReadOnlyObjectProperty<ConnectionProfile> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** False for the built-in local profile. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretsNoteProperty() {
        return secretsNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestResult> testProperty(Backend backend) {
        return tests.get(backend).getReadOnlyProperty();
    }

    private record Loaded(List<ConnectionProfile> profiles, String secrets) {
    }

    private record Saved(ConnectionProfile saved, List<ConnectionProfile> profiles) {
    }

    private record Imported(List<ProfileStore.ImportedProfile> outcomes, List<ConnectionProfile> profiles) {
    }
}
