package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SecretStore;
import io.ringside.core.connect.SecretStores;
import io.ringside.core.kafka.AuditLog;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside profiles ...}: connection profiles without the dialog, for scripts and tests. */
@Command(name = "profiles", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List, add, remove, test, export and import connection profiles (passwords never leave the keyring).",
        subcommands = {
            ProfilesListCommand.class,
            ProfilesAddCommand.class,
            ProfilesRemoveCommand.class,
            ProfilesTestCommand.class,
            ProfilesExportCommand.class,
            ProfilesImportCommand.class,
        })
public final class ProfilesCommand {

    @ParentCommand
    Main main;

    Main main() {
        return main;
    }

    ProfileStore store() {
        return new ProfileStore(main.dataFolder());
    }

    /** The OS keyring when one answers, else this process's memory (asking on the terminal). */
    static SecretStore secrets() {
        return SecretStores.open(SecretPrompt.terminal());
    }

    /**
     * The audit trail of the {@code --profile} the command runs under, taken before the change (a
     * removed profile no longer names its Kafka); with no Kafka known the event waits in the spool.
     */
    AuditLog auditLog() {
        Map<String, Object> kafka = null;
        try {
            Optional<ConnectionProfile> current = store().find(main.profile());
            if (current.isPresent()) {
                try (Backends backends = Backends.probe(current.get(), main.dataFolder(), SecretStores.open(SecretPrompt.NONE))
                        .orElse(null)) {
                    kafka = backends == null ? null : backends.kafkaProperties();
                }
            }
        } catch (RuntimeException e) {
            kafka = null;
        }
        return new AuditLog(main.dataFolder(), kafka, main.profile());
    }

    static void audit(AuditLog audit, String action, String target, long count, String outcome, PrintWriter err) {
        audit.record(action, target, count, outcome);
        DataCommandSupport.noteAudit(audit, err);
    }
}
