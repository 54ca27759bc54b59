package io.ringside.cli;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside profiles export}: chosen profiles to a JSON file, without any password. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes the named stored profiles (all when none is named) to FILE, in the profiles file's "
            + "format, without passwords.", "An existing FILE is kept unless --force."})
final class ProfilesExportCommand implements Callable<Integer> {

    @ParentCommand
    ProfilesCommand profiles;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON file to write.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Profiles by id or name (default: every stored one).")
    List<String> names = new ArrayList<>();

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(file) && !force) {
            throw new IllegalArgumentException(file + " exists; add --force to overwrite it");
        }
        ProfileStore store = profiles.store();
        List<ConnectionProfile> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            store.list().stream().filter(p -> !p.isLocal()).forEach(chosen::add);
        }
        for (String name : names) {
            ConnectionProfile profile = store.resolve(name);
            if (profile.isLocal()) {
                throw new IllegalArgumentException("The built-in 'local' profile is not exported (every machine has "
                        + "its own); clone it in the Connections dialog to export a copy");
            }
            chosen.add(profile);
        }
        store.export(chosen, file);
        spec.commandLine().getOut().println("exported " + chosen.size() + " profile(s) to " + file + " (no passwords)");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
